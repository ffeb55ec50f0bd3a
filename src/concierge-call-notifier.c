/* concierge-call-notifier.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-call-notifier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concierge-call-notifier-private.h"
#include "concierge-calls-view-private.h"

/* gdkconfig.h (through gtk.h above) says which backends GTK was built with. */
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

struct _ConciergeCallNotifier
{
  GObject             parent_instance;

  GtkApplication     *app;           /* (unowned) (nullable): weak pointer */
  ConciergeSession   *session;       /* (owned) (nullable) */
  ConciergeCallQueue *queue;         /* (owned) (nullable) */
  GPtrArray          *notified;      /* (owned) (element-type utf8): record IDs */
  GtkWindow          *urgent_window; /* (unowned) (nullable): weak pointer */
  int                 focus_override;
  guint               n_sent;
  guint               n_withdrawn;
  char               *last_title;    /* (owned) (nullable) */
  char               *last_body;     /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (ConciergeCallNotifier, concierge_call_notifier, G_TYPE_OBJECT)

static gboolean
app_has_focus (ConciergeCallNotifier *self)
{
  if (self->focus_override >= 0)
    return self->focus_override != 0;
  if (self->app == NULL)
    return FALSE;

  for (GList *l = gtk_application_get_windows (self->app); l != NULL; l = l->next)
    if (gtk_window_is_active (GTK_WINDOW (l->data)))
      return TRUE;

  return FALSE;
}

/* X11 has a hint for "look at me"; on Wayland the notification is the hint. */
static void
set_urgent (ConciergeCallNotifier *self,
            gboolean               urgent)
{
  GtkWindow *window = NULL;

  if (urgent && self->app != NULL)
    window = gtk_application_get_active_window (self->app);
  if (!urgent)
    window = self->urgent_window;
  if (window == NULL)
    return;

#ifdef GDK_WINDOWING_X11
  {
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

    if (surface != NULL && GDK_IS_X11_SURFACE (surface))
      gdk_x11_surface_set_urgency_hint (surface, urgent);
  }
#endif

  if (self->urgent_window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->urgent_window),
                                  (gpointer *) &self->urgent_window);
  self->urgent_window = urgent ? window : NULL;
  if (self->urgent_window != NULL)
    g_object_add_weak_pointer (G_OBJECT (self->urgent_window),
                               (gpointer *) &self->urgent_window);
}

static gboolean
is_notified (ConciergeCallNotifier *self,
             const char            *record_id,
             guint                 *index)
{
  return g_ptr_array_find_with_equal_func (self->notified, record_id, g_str_equal, index);
}

static void
send_for (ConciergeCallNotifier *self,
          ConciergeQueuedCall   *call)
{
  HccCall *hcc_call = concierge_queued_call_get_call (call);
  const char *record_id = concierge_queued_call_get_record_id (call);
  const char * const *doors = concierge_queued_call_get_door_ids (call);
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *id = g_strdup_printf ("call-%s", record_id);
  g_autofree char *building = NULL;
  g_autofree char *room_id = NULL;

  g_free (self->last_title);
  /* Translators: a notification's title; %s is the door station's name. */
  self->last_title = g_strdup_printf (_("Door call from %s"), _concierge_call_station_name (hcc_call));
  g_free (self->last_body);
  /* The directory knows the place; the camera's area is not looked up here. */
  _concierge_call_find_place (self->session, hcc_call, NULL, &building, &room_id);
  self->last_body = _concierge_call_describe_place (hcc_call, building);

  notification = g_notification_new (self->last_title);
  g_notification_set_body (notification, self->last_body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.show-call", "s", record_id);
  g_notification_add_button_with_target (notification, _("Answer"), "app.answer", "s", record_id);
  /* No door, no button: the request would carry an empty door list. */
  if (doors != NULL && doors[0] != NULL)
    g_notification_add_button_with_target (notification, _("Open Door"), "app.open-door",
                                           "s", record_id);

  g_ptr_array_add (self->notified, g_strdup (record_id));
  self->n_sent++;

  if (self->app != NULL && g_application_get_is_registered (G_APPLICATION (self->app)))
    g_application_send_notification (G_APPLICATION (self->app), id, notification);
  else
    g_debug ("Not registered: notification %s not sent", id);

  set_urgent (self, TRUE);
}

static void
withdraw (ConciergeCallNotifier *self,
          guint                  index)
{
  g_autofree char *id = g_strdup_printf ("call-%s",
                                         (char *) g_ptr_array_index (self->notified, index));

  g_ptr_array_remove_index (self->notified, index);
  self->n_withdrawn++;

  if (self->app != NULL && g_application_get_is_registered (G_APPLICATION (self->app)))
    g_application_withdraw_notification (G_APPLICATION (self->app), id);

  if (self->notified->len == 0)
    set_urgent (self, FALSE);
}

/* One rule for every change: a ringing call that no one at the desk is
 * looking at gets a notification; a call that stopped ringing loses it. */
static void
check_call (ConciergeCallNotifier *self,
            ConciergeQueuedCall   *call,
            gboolean               new_ring)
{
  const char *record_id = concierge_queued_call_get_record_id (call);
  gboolean ringing = concierge_queued_call_get_state (call) == CONCIERGE_QUEUED_CALL_RINGING;
  guint index;

  if (is_notified (self, record_id, &index))
    {
      if (!ringing)
        withdraw (self, index);
      return;
    }

  if (ringing && new_ring && !app_has_focus (self))
    send_for (self, call);
}

static void
call_state_cb (ConciergeQueuedCall   *call,
               GParamSpec            *pspec,
               ConciergeCallNotifier *self)
{
  check_call (self, call, FALSE);
}

static void
items_changed_cb (ConciergeCallNotifier *self,
                  guint                  position,
                  guint                  removed,
                  guint                  added)
{
  /* A removed call finished long ago (after the linger); its notification
   * went when it stopped ringing. */
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(ConciergeQueuedCall) call = g_list_model_get_item (G_LIST_MODEL (self->queue), i);

      g_signal_connect_object (call, "notify::state", G_CALLBACK (call_state_cb), self, 0);
      check_call (self, call, TRUE);
    }
}

static void
withdraw_all (ConciergeCallNotifier *self)
{
  while (self->notified->len > 0)
    withdraw (self, self->notified->len - 1);
}

static void
concierge_call_notifier_dispose (GObject *object)
{
  ConciergeCallNotifier *self = CONCIERGE_CALL_NOTIFIER (object);

  concierge_call_notifier_set_session (self, NULL);
  set_urgent (self, FALSE);
  if (self->app != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->app), (gpointer *) &self->app);
      self->app = NULL;
    }

  G_OBJECT_CLASS (concierge_call_notifier_parent_class)->dispose (object);
}

static void
concierge_call_notifier_finalize (GObject *object)
{
  ConciergeCallNotifier *self = CONCIERGE_CALL_NOTIFIER (object);

  g_ptr_array_unref (self->notified);
  g_free (self->last_title);
  g_free (self->last_body);

  G_OBJECT_CLASS (concierge_call_notifier_parent_class)->finalize (object);
}

static void
concierge_call_notifier_class_init (ConciergeCallNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = concierge_call_notifier_dispose;
  object_class->finalize = concierge_call_notifier_finalize;
}

static void
concierge_call_notifier_init (ConciergeCallNotifier *self)
{
  self->notified = g_ptr_array_new_with_free_func (g_free);
  self->focus_override = -1;
}

ConciergeCallNotifier *
concierge_call_notifier_new (GtkApplication *app)
{
  ConciergeCallNotifier *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);

  self = g_object_new (CONCIERGE_TYPE_CALL_NOTIFIER, NULL);
  self->app = app;
  g_object_add_weak_pointer (G_OBJECT (app), (gpointer *) &self->app);

  return self;
}

ConciergeSession *
concierge_call_notifier_get_session (ConciergeCallNotifier *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_NOTIFIER (self), NULL);

  return self->session;
}

void
concierge_call_notifier_set_session (ConciergeCallNotifier *self,
                                     ConciergeSession      *session)
{
  g_return_if_fail (CONCIERGE_IS_CALL_NOTIFIER (self));
  g_return_if_fail (session == NULL || CONCIERGE_IS_SESSION (session));

  if (self->session == session)
    return;

  withdraw_all (self);

  if (self->queue != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->queue));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) call = g_list_model_get_item (G_LIST_MODEL (self->queue), i);

          g_signal_handlers_disconnect_by_data (call, self);
        }
      g_signal_handlers_disconnect_by_data (self->queue, self);
      g_clear_object (&self->queue);
    }

  g_set_object (&self->session, session);

  if (session != NULL)
    {
      guint n;

      self->queue = g_object_ref (concierge_session_get_call_queue (session));
      g_signal_connect_swapped (self->queue, "items-changed", G_CALLBACK (items_changed_cb), self);
      n = g_list_model_get_n_items (G_LIST_MODEL (self->queue));
      /* Calls already ringing are watched, but not announced late. */
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ConciergeQueuedCall) call = g_list_model_get_item (G_LIST_MODEL (self->queue), i);

          g_signal_connect_object (call, "notify::state", G_CALLBACK (call_state_cb), self, 0);
        }
    }
}

GStrv
_concierge_call_notifier_dup_notified (ConciergeCallNotifier *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->notified->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->notified, i));

  return g_strv_builder_end (builder);
}

guint
_concierge_call_notifier_get_n_sent (ConciergeCallNotifier *self)
{
  return self->n_sent;
}

guint
_concierge_call_notifier_get_n_withdrawn (ConciergeCallNotifier *self)
{
  return self->n_withdrawn;
}

const char *
_concierge_call_notifier_get_last_title (ConciergeCallNotifier *self)
{
  return self->last_title;
}

const char *
_concierge_call_notifier_get_last_body (ConciergeCallNotifier *self)
{
  return self->last_body;
}

void
_concierge_call_notifier_set_focus_override (ConciergeCallNotifier *self,
                                             int                    focused)
{
  self->focus_override = focused;
}
