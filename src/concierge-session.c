/* concierge-session.c: everything the desk needs while connected to a site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-session"

#include "config.h"

#include <glib/gi18n.h>

#include "concierge-session.h"

struct _ConciergeSession
{
  GObject             parent_instance;

  GSettings          *settings;     /* (owned) */
  HccClient          *client;       /* (owned) */
  HccEventStream     *stream;       /* (owned) */
  ConciergeRinger    *ringer;       /* (owned) */
  ConciergeLogStore  *log_store;    /* (owned) (nullable): until started */
  ConciergeCallQueue *call_queue;   /* (owned) (nullable): until started */
  ConciergeDirectory *directory;    /* (owned) (nullable): until started */
  GCancellable       *cancellable;  /* (owned): the background refresh */
  char               *operator;
  gboolean            demo;
  gboolean            started;
};

G_DEFINE_FINAL_TYPE (ConciergeSession, concierge_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_SETTINGS,
  PROP_DEMO,
  PROP_OPERATOR,
  PROP_STARTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
operator_changed_cb (ConciergeSession *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "operator-name");

  g_strstrip (name);
  if (g_strcmp0 (name, self->operator) == 0)
    return;

  g_free (self->operator);
  self->operator = g_steal_pointer (&name);
  if (self->call_queue != NULL)
    concierge_call_queue_set_operator (self->call_queue, self->operator);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERATOR]);
}

static void
poll_interval_changed_cb (ConciergeSession *self)
{
  hcc_event_stream_set_poll_interval (self->stream,
                                      g_settings_get_uint (self->settings, "poll-interval"));
}

static void
concierge_session_constructed (GObject *object)
{
  ConciergeSession *self = CONCIERGE_SESSION (object);

  G_OBJECT_CLASS (concierge_session_parent_class)->constructed (object);

  g_assert (HCC_IS_CLIENT (self->client));
  g_assert (G_IS_SETTINGS (self->settings));

  self->stream = hcc_event_stream_new (self->client);
  self->ringer = concierge_ringer_new ();

  g_settings_bind (self->settings, "ring-volume", self->ringer, "volume", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "ring-muted", self->ringer, "muted", G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->settings, "changed::operator-name",
                           G_CALLBACK (operator_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::poll-interval",
                           G_CALLBACK (poll_interval_changed_cb), self, G_CONNECT_SWAPPED);
  operator_changed_cb (self);
  poll_interval_changed_cb (self);
}

static void
concierge_session_dispose (GObject *object)
{
  ConciergeSession *self = CONCIERGE_SESSION (object);

  g_cancellable_cancel (self->cancellable);
  if (self->stream != NULL)
    hcc_event_stream_stop (self->stream);
  if (self->ringer != NULL)
    concierge_ringer_stop (self->ringer);

  g_clear_object (&self->call_queue);
  g_clear_object (&self->directory);
  g_clear_object (&self->log_store);
  g_clear_object (&self->stream);
  g_clear_object (&self->ringer);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (concierge_session_parent_class)->dispose (object);
}

static void
concierge_session_finalize (GObject *object)
{
  ConciergeSession *self = CONCIERGE_SESSION (object);

  g_free (self->operator);

  G_OBJECT_CLASS (concierge_session_parent_class)->finalize (object);
}

static void
concierge_session_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ConciergeSession *self = CONCIERGE_SESSION (object);

  switch (prop_id) {
  case PROP_CLIENT:
    g_value_set_object (value, self->client);
    break;
  case PROP_SETTINGS:
    g_value_set_object (value, self->settings);
    break;
  case PROP_DEMO:
    g_value_set_boolean (value, self->demo);
    break;
  case PROP_OPERATOR:
    g_value_set_string (value, concierge_session_get_operator (self));
    break;
  case PROP_STARTED:
    g_value_set_boolean (value, self->started);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
concierge_session_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ConciergeSession *self = CONCIERGE_SESSION (object);

  switch (prop_id) {
  case PROP_CLIENT:
    self->client = g_value_dup_object (value);
    break;
  case PROP_SETTINGS:
    self->settings = g_value_dup_object (value);
    break;
  case PROP_DEMO:
    self->demo = g_value_get_boolean (value);
    break;
  case PROP_OPERATOR:
    concierge_session_set_operator (self, g_value_get_string (value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
concierge_session_class_init (ConciergeSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = concierge_session_constructed;
  object_class->dispose = concierge_session_dispose;
  object_class->finalize = concierge_session_finalize;
  object_class->get_property = concierge_session_get_property;
  object_class->set_property = concierge_session_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HCC_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPERATOR] =
    g_param_spec_string ("operator", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STARTED] =
    g_param_spec_boolean ("started", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
concierge_session_init (ConciergeSession *self)
{
  self->cancellable = g_cancellable_new ();
}

ConciergeSession *
concierge_session_new (HccClient *client,
                       GSettings *settings,
                       gboolean   demo)
{
  g_return_val_if_fail (HCC_IS_CLIENT (client), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (CONCIERGE_TYPE_SESSION,
                       "client", client,
                       "settings", settings,
                       "demo", demo,
                       NULL);
}

/* Starting: the log store and the directory cache open side by side, each
 * on its own worker thread. As soon as the log store is open the call queue
 * and the event stream start, so calls ring as early as possible, and the
 * session says it has started; the directory refreshes in the background
 * lane of the request budget, never in the way of a call. */

typedef struct {
  guint   pending;
  GError *error;
} StartData;

static void
start_data_free (StartData *data)
{
  g_clear_error (&data->error);
  g_free (data);
}

static void
start_step_done (GTask  *task,
                 GError *error)
{
  StartData *data = g_task_get_task_data (task);

  if (error != NULL && data->error == NULL)
    data->error = g_error_copy (error);

  if (--data->pending > 0)
    return;

  if (data->error != NULL)
    g_task_return_error (task, g_steal_pointer (&data->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
refresh_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The directory keeps the reason in its refresh-error property, which the
   * views show; nothing to do here but note it. */
  if (!concierge_directory_refresh_finish (CONCIERGE_DIRECTORY (source), result, &error))
    g_debug ("Directory refresh failed: %s", error->message);
}

static void
directory_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ConciergeSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!concierge_directory_load_finish (CONCIERGE_DIRECTORY (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
    /* A cache that cannot be read is no reason to stop the desk: the
     * refresh fills the directory from the platform. */
    g_debug ("Directory cache not loaded: %s", error->message);
    g_clear_error (&error);
  }

  if (error == NULL)
    concierge_directory_refresh_async (self->directory, self->cancellable, refresh_cb, NULL);
  start_step_done (task, error);
}

static void
log_store_opened_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ConciergeSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  self->log_store = concierge_log_store_open_finish (result, &error);
  if (self->log_store == NULL) {
    start_step_done (task, error);
    return;
  }

  self->call_queue = concierge_call_queue_new (self->client, self->stream, self->log_store,
                                               self->ringer);
  concierge_call_queue_set_operator (self->call_queue, self->operator);
  concierge_call_queue_set_directory (self->call_queue, self->directory);
  hcc_event_stream_start (self->stream);

  self->started = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED]);
  start_step_done (task, NULL);
}

void
concierge_session_start_async (ConciergeSession    *self,
                               const char          *data_dir,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *log_path = NULL;
  g_autofree char *directory_path = NULL;
  StartData *data;

  g_return_if_fail (CONCIERGE_IS_SESSION (self));
  g_return_if_fail (self->log_store == NULL && self->directory == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, concierge_session_start_async);
  data = g_new0 (StartData, 1);
  data->pending = 2;
  g_task_set_task_data (task, data, (GDestroyNotify) start_data_free);

  dir = data_dir != NULL ? g_strdup (data_dir)
                         : g_build_filename (g_get_user_data_dir (), "concierge", NULL);
  log_path = g_build_filename (dir, "concierge.db", NULL);
  directory_path = g_build_filename (dir, "directory.db", NULL);

  /* Both stores make their folder on their worker threads. */
  self->directory = concierge_directory_new (self->client, directory_path);
  concierge_log_store_open_async (log_path, cancellable, log_store_opened_cb,
                                  g_object_ref (task));
  concierge_directory_load_async (self->directory, cancellable, directory_loaded_cb,
                                  g_object_ref (task));
}

gboolean
concierge_session_start_finish (ConciergeSession  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct {
  guint pending;
} StopData;

static void
stop_step_done (GTask *task)
{
  StopData *data = g_task_get_task_data (task);

  if (--data->pending == 0)
    g_task_return_boolean (task, TRUE);
}

static void
directory_closed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!concierge_directory_close_finish (CONCIERGE_DIRECTORY (source), result, &error))
    g_debug ("Directory cache not closed cleanly: %s", error->message);
  stop_step_done (task);
}

static void
log_store_closed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!concierge_log_store_close_finish (CONCIERGE_LOG_STORE (source), result, &error))
    g_debug ("Log store not closed cleanly: %s", error->message);
  stop_step_done (task);
}

void
concierge_session_stop_async (ConciergeSession    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  StopData *data;

  g_return_if_fail (CONCIERGE_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, concierge_session_stop_async);
  data = g_new0 (StopData, 1);
  /* One for this function, so a synchronous completion cannot finish the
   * task before every step was started. */
  data->pending = 1;
  g_task_set_task_data (task, data, g_free);

  g_cancellable_cancel (self->cancellable);
  hcc_event_stream_stop (self->stream);
  concierge_ringer_stop (self->ringer);

  if (self->directory != NULL) {
    data->pending++;
    concierge_directory_close_async (self->directory, NULL, directory_closed_cb,
                                     g_object_ref (task));
  }
  if (self->log_store != NULL) {
    data->pending++;
    concierge_log_store_close_async (self->log_store, NULL, log_store_closed_cb,
                                     g_object_ref (task));
  }

  if (self->started) {
    self->started = FALSE;
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED]);
  }

  stop_step_done (task);
}

gboolean
concierge_session_stop_finish (ConciergeSession  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
concierge_session_get_started (ConciergeSession *self)
{
  g_return_val_if_fail (CONCIERGE_IS_SESSION (self), FALSE);

  return self->started;
}

gboolean
concierge_session_get_demo (ConciergeSession *self)
{
  g_return_val_if_fail (CONCIERGE_IS_SESSION (self), FALSE);

  return self->demo;
}

GSettings *
concierge_session_get_settings (ConciergeSession *self)
{
  g_return_val_if_fail (CONCIERGE_IS_SESSION (self), NULL);

  return self->settings;
}

HccClient *
concierge_session_get_client (ConciergeSession *self)
{
  g_return_val_if_fail (CONCIERGE_IS_SESSION (self), NULL);

  return self->client;
}

HccEventStream *
concierge_session_get_event_stream (ConciergeSession *self)
{
  g_return_val_if_fail (CONCIERGE_IS_SESSION (self), NULL);

  return self->stream;
}

ConciergeRinger *
concierge_session_get_ringer (ConciergeSession *self)
{
  g_return_val_if_fail (CONCIERGE_IS_SESSION (self), NULL);

  return self->ringer;
}

ConciergeLogStore *
concierge_session_get_log_store (ConciergeSession *self)
{
  g_return_val_if_fail (CONCIERGE_IS_SESSION (self), NULL);

  return self->log_store;
}

ConciergeCallQueue *
concierge_session_get_call_queue (ConciergeSession *self)
{
  g_return_val_if_fail (CONCIERGE_IS_SESSION (self), NULL);

  return self->call_queue;
}

ConciergeDirectory *
concierge_session_get_directory (ConciergeSession *self)
{
  g_return_val_if_fail (CONCIERGE_IS_SESSION (self), NULL);

  return self->directory;
}

const char *
concierge_session_get_operator (ConciergeSession *self)
{
  g_return_val_if_fail (CONCIERGE_IS_SESSION (self), NULL);

  return self->operator != NULL ? self->operator : "";
}

void
concierge_session_set_operator (ConciergeSession *self,
                                const char       *operator)
{
  g_autofree char *name = g_strstrip (g_strdup (operator != NULL ? operator : ""));

  g_return_if_fail (CONCIERGE_IS_SESSION (self));

  /* The setting is the one place the name lives; its change handler
   * updates this session and the call queue. */
  g_settings_set_string (self->settings, "operator-name", name);
}
