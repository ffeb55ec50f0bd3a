/* concierge-call-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-call-actions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concierge-call-actions.h"
#include "concierge-calls-view-private.h"
#include "concierge-window.h"

struct _ConciergeCallActions
{
  GObject           parent_instance;

  GtkApplication   *app;          /* (unowned) (nullable): weak pointer */
  ConciergeSession *session;      /* (owned) (nullable) */
  GCancellable     *cancellable;  /* (owned): cancelled when the session changes */
};

G_DEFINE_FINAL_TYPE (ConciergeCallActions, concierge_call_actions, G_TYPE_OBJECT)

/* How a call/receive request (answer, decline, hang up) is finished. */
typedef gboolean (*ReceiveFinish) (ConciergeCallQueue  *queue,
                                   GAsyncResult        *result,
                                   GError             **error);

/* What a finished request needs: the actions object may be gone by then,
 * so it is held weakly, and the cancellable says whether to care. */
typedef struct {
  GWeakRef       actions;
  char          *record_id;
  ReceiveFinish  finish;   /* call/receive only */
  const char    *failure;  /* call/receive only: what failed, translated */
} Request;

static Request *
request_new (ConciergeCallActions *self,
             const char           *record_id)
{
  Request *request = g_new0 (Request, 1);

  g_weak_ref_init (&request->actions, self);
  request->record_id = g_strdup (record_id);

  return request;
}

static void
request_free (Request *request)
{
  g_weak_ref_clear (&request->actions);
  g_free (request->record_id);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

/* Finding the calls view */

static ConciergeCallsView *
find_calls_view_in (GtkWidget *widget)
{
  if (CONCIERGE_IS_CALLS_VIEW (widget))
    return CONCIERGE_CALLS_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      ConciergeCallsView *found = find_calls_view_in (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The calls view of the application's most recently active window that
 * has one. */
static ConciergeCallsView *
find_calls_view (ConciergeCallActions  *self,
                 GtkWindow            **window)
{
  if (self->app == NULL)
    return NULL;

  for (GList *l = gtk_application_get_windows (self->app); l != NULL; l = l->next)
    {
      ConciergeCallsView *view = find_calls_view_in (GTK_WIDGET (l->data));

      if (view != NULL)
        {
          if (window != NULL)
            *window = l->data;
          return view;
        }
    }

  return NULL;
}

static void
report (ConciergeCallActions *self,
        const char           *message)
{
  ConciergeCallsView *view = find_calls_view (self, NULL);

  g_debug ("%s", message);
  if (view != NULL)
    concierge_calls_view_add_toast (view, message);
}

/* Why an action went wrong, in words; the platform's reasons come
 * translated from hcc-error. */
static void
report_error (ConciergeCallActions *self,
              const char           *what,
              const GError         *error)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
    message = g_strdup_printf ("%s: %s", what,
                               _("still waiting for the platform’s answer to the last action"));
  else
    /* Translators: "<what failed>: <why>", e.g. "Could not answer the call: ...". */
    message = g_strdup_printf (_("%s: %s"), what, error->message);

  report (self, message);
}

/* Switches the window to the Calls page and opens the call: the main
 * window does that itself; any other window with a calls view (tests, a
 * second window) gets the same through its widget tree. */
static void
show_call (ConciergeCallActions *self,
           const char           *record_id,
           gboolean              present)
{
  GtkWindow *window = NULL;
  ConciergeCallsView *view;

  if (self->app == NULL)
    return;

  for (GList *l = gtk_application_get_windows (self->app); l != NULL; l = l->next)
    if (CONCIERGE_IS_WINDOW (l->data))
      {
        concierge_window_show_call (CONCIERGE_WINDOW (l->data), record_id);
        if (present)
          gtk_window_present (GTK_WINDOW (l->data));
        return;
      }

  view = find_calls_view (self, &window);
  if (view == NULL)
    {
      g_debug ("No calls view to show call %s", record_id);
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (view), "win.show-view", "s", "calls");
  concierge_calls_view_show_call (view, record_id);
  if (present)
    gtk_window_present (window);
}

/* The call @record_id if it is in the queue and @usable says it can still
 * be acted on; otherwise NULL and a g_debug. */
static ConciergeQueuedCall *
lookup_call (ConciergeCallActions *self,
             const char           *action,
             const char           *record_id)
{
  ConciergeQueuedCall *call;

  if (self->session == NULL)
    {
      g_debug ("%s %s: no session", action, record_id);
      return NULL;
    }

  call = concierge_call_queue_lookup (concierge_session_get_call_queue (self->session), record_id);
  if (call == NULL)
    g_debug ("%s %s: no such call in the queue", action, record_id);

  return call;
}

static ConciergeCallQueue *
queue_of (ConciergeCallActions *self)
{
  return concierge_session_get_call_queue (self->session);
}

/* The targetless actions' calls */

static const char *
oldest_ringing (ConciergeCallActions *self)
{
  GListModel *queue;
  guint n;

  if (self->session == NULL)
    return NULL;

  queue = G_LIST_MODEL (queue_of (self));
  n = g_list_model_get_n_items (queue);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConciergeQueuedCall) call = g_list_model_get_item (queue, i);

      if (concierge_queued_call_is_ringing_at_door (call))
        return concierge_queued_call_get_record_id (call);
    }

  return NULL;
}

static const char *
answered_here (ConciergeCallActions *self)
{
  GListModel *queue;
  guint n;

  if (self->session == NULL)
    return NULL;

  queue = G_LIST_MODEL (queue_of (self));
  n = g_list_model_get_n_items (queue);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConciergeQueuedCall) call = g_list_model_get_item (queue, i);

      if (concierge_queued_call_get_state (call) == CONCIERGE_QUEUED_CALL_ANSWERED)
        return concierge_queued_call_get_record_id (call);
    }

  return NULL;
}

/* Answer, decline, hang up */

/* The end of an answer, a decline or a hang-up: only a failure is worth
 * a word, and only while the actions still exist. */
static void
received_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(ConciergeCallActions) self = g_weak_ref_get (&request->actions);
  g_autoptr(GError) error = NULL;

  if (request->finish (CONCIERGE_CALL_QUEUE (source), result, &error))
    return;
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  report_error (self, request->failure, error);
}

static Request *
receive_request_new (ConciergeCallActions *self,
                     const char           *record_id,
                     ReceiveFinish         finish,
                     const char           *failure)
{
  Request *request = request_new (self, record_id);

  request->finish = finish;
  request->failure = failure;

  return request;
}

static void
answer (ConciergeCallActions *self,
        const char           *record_id)
{
  ConciergeQueuedCall *call = lookup_call (self, "answer", record_id);

  if (call == NULL)
    return;
  if (!concierge_queued_call_is_ringing_at_door (call))
    {
      g_debug ("answer %s: the call no longer rings", record_id);
      return;
    }

  concierge_call_queue_answer_async (queue_of (self), record_id, self->cancellable, received_cb,
                                     receive_request_new (self, record_id,
                                                          concierge_call_queue_answer_finish,
                                                          _("Could not answer the call")));
  /* The call view opens at once, so the video starts while the platform
   * confirms; if the call was taken meanwhile, the view says so. */
  show_call (self, record_id, TRUE);
}

static void
decline (ConciergeCallActions *self,
         const char           *record_id)
{
  ConciergeQueuedCall *call = lookup_call (self, "decline", record_id);

  if (call == NULL)
    return;
  if (!concierge_queued_call_is_ringing_at_door (call))
    {
      g_debug ("decline %s: the call no longer rings", record_id);
      return;
    }

  concierge_call_queue_decline_async (queue_of (self), record_id, self->cancellable, received_cb,
                                      receive_request_new (self, record_id,
                                                           concierge_call_queue_decline_finish,
                                                           _("Could not decline the call")));
}

static void
hang_up (ConciergeCallActions *self,
         const char           *record_id)
{
  ConciergeQueuedCall *call = lookup_call (self, "hang-up", record_id);

  if (call == NULL)
    return;
  if (concierge_queued_call_get_state (call) != CONCIERGE_QUEUED_CALL_ANSWERED)
    {
      g_debug ("hang-up %s: the call is not answered here", record_id);
      return;
    }

  concierge_call_queue_hang_up_async (queue_of (self), record_id, self->cancellable, received_cb,
                                      receive_request_new (self, record_id,
                                                           concierge_call_queue_hang_up_finish,
                                                           _("Could not hang up")));
}

static void
silence (ConciergeCallActions *self,
         const char           *record_id)
{
  if (lookup_call (self, "silence", record_id) == NULL)
    return;

  if (!concierge_call_queue_silence (queue_of (self), record_id))
    g_debug ("silence %s: the call does not ring", record_id);
}

/* Open door */

static void
door_opened_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(ConciergeCallActions) self = g_weak_ref_get (&request->actions);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ConciergeQueuedCall *call;

  results = concierge_call_queue_open_door_finish (CONCIERGE_CALL_QUEUE (source), result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The call may have left the queue meanwhile; then the names are unknown. */
  call = concierge_call_queue_lookup (CONCIERGE_CALL_QUEUE (source), request->record_id);
  text = _concierge_describe_door_results (results, error, call);
  report (self, text);
}

static void
open_door (ConciergeCallActions *self,
           const char           *record_id)
{
  ConciergeQueuedCall *call = lookup_call (self, "open-door", record_id);
  const char * const *doors;
  guint n;

  if (call == NULL)
    return;

  doors = concierge_queued_call_get_door_ids (call);
  n = doors != NULL ? g_strv_length ((char **) doors) : 0;

  if (n == 0)
    {
      /* Never an empty door list: the platform would be asked for nothing. */
      report (self, _("This door station reported no doors. Open the door from the Doors view."));
      return;
    }

  if (n > 1)
    {
      /* Which door is the operator's choice, never a guess: the call view
       * offers the station's doors. */
      show_call (self, record_id, TRUE);
      return;
    }

  concierge_call_queue_open_door_async (queue_of (self), record_id, NULL, NULL,
                                        self->cancellable, door_opened_cb,
                                        request_new (self, record_id));
}

/* GAction handlers */

static void
answer_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  answer (user_data, g_variant_get_string (parameter, NULL));
}

static void
decline_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  decline (user_data, g_variant_get_string (parameter, NULL));
}

static void
hang_up_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  hang_up (user_data, g_variant_get_string (parameter, NULL));
}

static void
silence_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  silence (user_data, g_variant_get_string (parameter, NULL));
}

static void
open_door_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  open_door (user_data, g_variant_get_string (parameter, NULL));
}

static void
show_call_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  ConciergeCallActions *self = user_data;
  const char *record_id = g_variant_get_string (parameter, NULL);

  if (lookup_call (self, "show-call", record_id) == NULL)
    return;

  show_call (self, record_id, TRUE);
}

static void
answer_next_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  const char *record_id = oldest_ringing (user_data);

  if (record_id != NULL)
    answer (user_data, record_id);
  else
    g_debug ("answer-next: no call rings");
}

static void
decline_next_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  const char *record_id = oldest_ringing (user_data);

  if (record_id != NULL)
    decline (user_data, record_id);
  else
    g_debug ("decline-next: no call rings");
}

static void
hang_up_current_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  const char *record_id = answered_here (user_data);

  if (record_id != NULL)
    hang_up (user_data, record_id);
  else
    g_debug ("hang-up-current: no call is answered here");
}

/* The ring is one sound for all calls: one key makes the desk quiet. */
static void
silence_all_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  ConciergeCallActions *self = user_data;

  if (self->session != NULL)
    concierge_call_queue_silence_all (queue_of (self));
}

/* The door of the visitor being talked to, else of the oldest ringing call. */
static void
open_door_current_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  const char *record_id = answered_here (user_data);

  if (record_id == NULL)
    record_id = oldest_ringing (user_data);
  if (record_id != NULL)
    open_door (user_data, record_id);
  else
    g_debug ("open-door-current: no call");
}

static const GActionEntry entries[] = {
  { "answer", answer_activated, "s" },
  { "decline", decline_activated, "s" },
  { "hang-up", hang_up_activated, "s" },
  { "silence", silence_activated, "s" },
  { "open-door", open_door_activated, "s" },
  { "show-call", show_call_activated, "s" },
  { "answer-next", answer_next_activated },
  { "decline-next", decline_next_activated },
  { "hang-up-current", hang_up_current_activated },
  { "silence-all", silence_all_activated },
  { "open-door-current", open_door_current_activated },
};

/* None of these keys edits text in a GtkText, so a field being typed in
 * loses nothing to them. Ctrl+H and Ctrl+M were chosen over F-keys
 * because the desk's keyboards may lack them. */
static const struct {
  const char *action;
  const char *accel;
} accels[] = {
  { "app.answer-next", "<Control>Return" },
  { "app.decline-next", "<Control>d" },
  { "app.hang-up-current", "<Control>h" },
  { "app.silence-all", "<Control>m" },
  { "app.open-door-current", "<Control>o" },
};

static void
concierge_call_actions_dispose (GObject *object)
{
  ConciergeCallActions *self = CONCIERGE_CALL_ACTIONS (object);

  if (self->app != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
        g_action_map_remove_action (G_ACTION_MAP (self->app), entries[i].name);
      for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
        gtk_application_set_accels_for_action (self->app, accels[i].action,
                                               (const char *[]) { NULL });
      g_object_remove_weak_pointer (G_OBJECT (self->app), (gpointer *) &self->app);
      self->app = NULL;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (concierge_call_actions_parent_class)->dispose (object);
}

static void
concierge_call_actions_class_init (ConciergeCallActionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = concierge_call_actions_dispose;
}

static void
concierge_call_actions_init (ConciergeCallActions *self)
{
  self->cancellable = g_cancellable_new ();
}

ConciergeCallActions *
concierge_call_actions_new (GtkApplication *app)
{
  ConciergeCallActions *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);

  self = g_object_new (CONCIERGE_TYPE_CALL_ACTIONS, NULL);
  self->app = app;
  g_object_add_weak_pointer (G_OBJECT (app), (gpointer *) &self->app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action,
                                           (const char *[]) { accels[i].accel, NULL });

  return self;
}

ConciergeSession *
concierge_call_actions_get_session (ConciergeCallActions *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_ACTIONS (self), NULL);

  return self->session;
}

void
concierge_call_actions_set_session (ConciergeCallActions *self,
                                    ConciergeSession     *session)
{
  g_return_if_fail (CONCIERGE_IS_CALL_ACTIONS (self));
  g_return_if_fail (session == NULL || CONCIERGE_IS_SESSION (session));

  if (self->session == session)
    return;

  /* Replies for the old session's calls are of no interest any more. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_set_object (&self->session, session);
}
