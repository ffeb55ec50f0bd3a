/* concierge-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Until the desk is signed in the window shows the setup page or why it
 * cannot connect. Once signed in it owns the ConciergeSession and shows the
 * views in a sidebar and a content pane; each view gets the session through
 * its "session" property and does the rest itself.
 */

#define G_LOG_DOMAIN "concierge-window"

#include "config.h"

#include <glib/gi18n.h>

#include "concierge-call-log-view.h"
#include "concierge-calls-view.h"
#include "concierge-connection-banner.h"
#include "concierge-door-log-view.h"
#include "concierge-doors-view.h"
#include "concierge-passes-view.h"
#include "concierge-residents-view.h"
#include "concierge-rooms-view.h"
#include "concierge-setup-page.h"
#include "concierge-startup-probe.h"
#include "concierge-window.h"
#include "hcc-error.h"

/* The views, in the sidebar's order; Alt+1… follow it. */
typedef struct {
  const char *name;
  const char *title;
  const char *icon_name;
  GType     (*get_type) (void);
} ViewInfo;

static const ViewInfo views[] = {
  { "calls", N_("Calls"), "call-start-symbolic", concierge_calls_view_get_type },
  { "doors", N_("Doors"), "changes-allow-symbolic", concierge_doors_view_get_type },
  { "residents", N_("Residents"), "system-users-symbolic", concierge_residents_view_get_type },
  { "rooms", N_("Rooms"), "user-home-symbolic", concierge_rooms_view_get_type },
  { "passes", N_("Visitor Passes"), "contact-new-symbolic", concierge_passes_view_get_type },
  { "call-log", N_("Call Log"), "document-open-recent-symbolic",
    concierge_call_log_view_get_type },
  { "door-log", N_("Door Log"), "view-list-bullet-symbolic", concierge_door_log_view_get_type },
};

struct _ConciergeWindow
{
  AdwApplicationWindow       parent_instance;

  /* Template children. */
  GtkStack                  *main_stack;
  GtkStack                  *status_stack;
  AdwWindowTitle            *window_title;
  GtkLabel                  *demo_badge;
  GtkMenuButton             *menu_button;
  ConciergeSetupPage        *setup_page;
  AdwStatusPage             *status_page;
  GtkSpinner                *spinner;
  GtkButton                 *retry_button;
  GtkButton                 *setup_button;
  AdwLeaflet                *leaflet;
  GtkWidget                 *sidebar;
  GtkWidget                 *content;
  GtkListBox                *sidebar_list;
  AdwWindowTitle            *desk_title;
  GtkLabel                  *desk_demo_badge;
  GtkMenuButton             *operator_button;
  GtkPopover                *operator_popover;
  GtkEntry                  *operator_entry;
  GtkLabel                  *operator_label;
  ConciergeConnectionBanner *banner;
  GtkRevealer               *operator_prompt;
  GtkEntry                  *prompt_entry;
  GtkStack                  *view_stack;

  GtkWidget                 *view_widgets[G_N_ELEMENTS (views)];
  GtkLabel                  *badges[G_N_ELEMENTS (views)];

  GSettings                 *settings;      /* (owned) */
  HccClient                 *client;        /* (owned) (nullable) */
  ConciergeSession          *session;       /* (owned) (nullable) */
  GCancellable              *cancellable;   /* (owned) (nullable): login and session start */
  GtkWindow                 *help_overlay;  /* (nullable) (weak): the shortcuts window, while shown */
  ConciergeWindowStatus      status;
  gboolean                   demo;
};

G_DEFINE_FINAL_TYPE (ConciergeWindow, concierge_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
view_index (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++) {
    if (g_strcmp0 (views[i].name, name) == 0)
      return (int) i;
  }

  return -1;
}

static void
setup_connected_cb (ConciergeWindow *self,
                    HccClient       *client)
{
  concierge_window_set_client (self, client);
}

/* The setup page is built when it is first needed: a desk that has its keys
 * (or runs the demo) never pays for it at start-up. */
static ConciergeSetupPage *
ensure_setup_page (ConciergeWindow *self)
{
  if (self->setup_page != NULL)
    return self->setup_page;

  self->setup_page = g_object_new (CONCIERGE_TYPE_SETUP_PAGE, "vexpand", TRUE, NULL);
  if (self->settings != NULL)
    concierge_setup_page_set_settings (self->setup_page, self->settings);
  g_signal_connect_object (self->setup_page, "connected", G_CALLBACK (setup_connected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->status_stack, GTK_WIDGET (self->setup_page), "setup");

  return ensure_setup_page (self);
}

static void
set_status (ConciergeWindow       *self,
            ConciergeWindowStatus  status,
            const char            *icon_name,
            const char            *title,
            const char            *description)
{
  self->status = status;
  if (status == CONCIERGE_WINDOW_STATUS_SETUP)
    ensure_setup_page (self);

  gtk_stack_set_visible_child_name (self->main_stack, "status");
  gtk_stack_set_visible_child_name (self->status_stack,
                                    status == CONCIERGE_WINDOW_STATUS_SETUP ? "setup" : "status");

  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner),
                          status == CONCIERGE_WINDOW_STATUS_CONNECTING);
  gtk_spinner_set_spinning (self->spinner, status == CONCIERGE_WINDOW_STATUS_CONNECTING);

  /* Retrying only makes sense when there is a client to retry with. */
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button),
                          status == CONCIERGE_WINDOW_STATUS_FAILED && self->client != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retry",
                                 status == CONCIERGE_WINDOW_STATUS_FAILED && self->client != NULL);
  /* The demo site has no keys to change. */
  gtk_widget_set_visible (GTK_WIDGET (self->setup_button),
                          status == CONCIERGE_WINDOW_STATUS_FAILED && !self->demo);
}

static void
show_setup (ConciergeWindow *self)
{
  adw_window_title_set_subtitle (self->window_title, _("Not Connected"));
  set_status (self, CONCIERGE_WINDOW_STATUS_SETUP,
              "io.github.hccdesk.Concierge-symbolic", _("Connect to Your Site"), NULL);
}

static const char *
server_name (ConciergeWindow *self)
{
  const char *url = NULL;

  if (self->client != NULL)
    url = hcc_client_get_server_url (self->client);

  return url != NULL && *url != '\0' ? url : _("the server");
}

static void
show_login_error (ConciergeWindow *self,
                  const GError    *error)
{
  g_autofree char *description = NULL;
  const char *title = _("Cannot Connect");
  const char *icon_name = "network-offline-symbolic";

  g_debug ("Login failed: %s", error->message);

  if (hcc_error_is_keys_refused (error)) {
    title = _("Keys Rejected");
    icon_name = "dialog-password-symbolic";
    /* Translators: %s is a server address. */
    description = g_strdup_printf (_("The keys were rejected by %s. Check the AppKey and "
                                     "SecretKey of your site; Hikvision support issues them."),
                                   server_name (self));
  } else if (hcc_error_is_tls (error)) {
    icon_name = "channel-insecure-symbolic";
    /* Translators: %s is a server address. */
    description = g_strdup_printf (_("The certificate of %s was refused, so the connection "
                                     "would not be private. Check the server address."),
                                   server_name (self));
  } else if (hcc_error_is_unreachable (error)) {
    /* Translators: %s is a server address. */
    description = g_strdup_printf (_("The server cannot be reached at %s. Check the network "
                                     "connection and the server address."),
                                   server_name (self));
  } else if (g_error_matches (error, HCC_ERROR, HCC_ERROR_RATE_LIMITED)) {
    description = g_strdup (_("The server is busy. Try again in a moment."));
  } else {
    /* Translators: %s is the server's own explanation, in English. */
    description = g_strdup_printf (_("The server refused to sign in (%s)."), error->message);
  }

  set_status (self, CONCIERGE_WINDOW_STATUS_FAILED, icon_name, title, description);
}

/* The header says whether calls can reach the desk: that is the event
 * stream's state, not merely whether the last request worked. */
static void
update_connection (ConciergeWindow *self)
{
  const char *subtitle = _("Not Connected");

  if (self->session != NULL) {
    switch (hcc_event_stream_get_state (concierge_session_get_event_stream (self->session))) {
    case HCC_EVENT_STREAM_STATE_ONLINE:
      subtitle = _("Online");
      break;
    case HCC_EVENT_STREAM_STATE_OFFLINE:
      subtitle = _("Offline");
      break;
    case HCC_EVENT_STREAM_STATE_AUTH_FAILED:
      subtitle = _("Keys Rejected");
      break;
    case HCC_EVENT_STREAM_STATE_CONNECTING:
    case HCC_EVENT_STREAM_STATE_LAPSED:
      subtitle = _("Connecting…");
      break;
    case HCC_EVENT_STREAM_STATE_STOPPED:
    default:
      break;
    }
    adw_window_title_set_subtitle (self->desk_title, subtitle);
  } else if (self->client != NULL) {
    switch (hcc_client_get_state (self->client)) {
    case HCC_CLIENT_STATE_CONNECTING:
      subtitle = _("Connecting…");
      break;
    case HCC_CLIENT_STATE_ONLINE:
      subtitle = _("Online");
      break;
    case HCC_CLIENT_STATE_OFFLINE:
      subtitle = _("Offline");
      break;
    case HCC_CLIENT_STATE_AUTH_FAILED:
      subtitle = _("Keys Rejected");
      break;
    case HCC_CLIENT_STATE_DISCONNECTED:
    default:
      break;
    }
  }

  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
update_operator (ConciergeWindow *self)
{
  const char *name = self->session != NULL ? concierge_session_get_operator (self->session) : "";
  g_autofree char *accessible = NULL;

  gtk_label_set_label (self->operator_label, *name != '\0' ? name : _("No Operator"));
  /* Translators: %s is the name of the person at the desk. */
  accessible = *name != '\0' ? g_strdup_printf (_("Operator on shift: %s. Change"), name)
                             : g_strdup (_("No operator on shift. Set"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->operator_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  /* Asked for, never required: a call still rings and can be answered. */
  gtk_revealer_set_reveal_child (self->operator_prompt,
                                 self->session != NULL && *name == '\0');
}

static void
set_badge (ConciergeWindow *self,
           const char      *view,
           guint            count,
           const char      *description)
{
  GtkLabel *badge = self->badges[view_index (view)];
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (badge, text);
  gtk_widget_set_visible (GTK_WIDGET (badge), count > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
update_badges (ConciergeWindow *self)
{
  ConciergeCallQueue *queue = NULL;
  ConciergeLogStore *store = NULL;
  g_autofree char *waiting_text = NULL;
  g_autofree char *missed_text = NULL;
  guint waiting = 0;
  guint missed = 0;

  if (self->session != NULL) {
    queue = concierge_session_get_call_queue (self->session);
    store = concierge_session_get_log_store (self->session);
  }

  if (queue != NULL) {
    guint n = g_list_model_get_n_items (G_LIST_MODEL (queue));

    for (guint i = 0; i < n; i++) {
      g_autoptr(ConciergeQueuedCall) call = g_list_model_get_item (G_LIST_MODEL (queue), i);
      ConciergeQueuedCallState state = concierge_queued_call_get_state (call);

      if (state == CONCIERGE_QUEUED_CALL_RINGING || state == CONCIERGE_QUEUED_CALL_SILENCED)
        waiting++;
    }
  }
  if (store != NULL)
    missed = concierge_log_store_get_unacknowledged_missed (store);

  /* Translators: the accessible text of the badge on the Calls view. */
  waiting_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u call waiting",
                                               "%u calls waiting", waiting), waiting);
  /* Translators: the accessible text of the badge on the Call Log view. */
  missed_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u missed call",
                                              "%u missed calls", missed), missed);
  set_badge (self, "calls", waiting, waiting_text);
  set_badge (self, "call-log", missed, missed_text);
}

/* The waiting count changes with the calls' states, not only with the
 * queue's length: follow each call as it joins. */
static void
queue_items_changed_cb (ConciergeWindow *self,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GListModel      *queue)
{
  for (guint i = position; i < position + added; i++) {
    g_autoptr(ConciergeQueuedCall) call = g_list_model_get_item (queue, i);

    g_signal_connect_object (call, "notify::state", G_CALLBACK (update_badges), self,
                             G_CONNECT_SWAPPED);
  }
  update_badges (self);
}

/* A view is built the first time it is shown or asked for: the window's
 * first frame, which is what a user waits for at start-up, then carries only
 * the sidebar, and a view nobody opens costs nothing. */
static GtkWidget *
ensure_view (ConciergeWindow *self,
             guint            index)
{
  GtkStackPage *page;

  if (self->view_widgets[index] != NULL)
    return self->view_widgets[index];

  self->view_widgets[index] = g_object_new (views[index].get_type (),
                                            "session", self->session,
                                            NULL);
  page = gtk_stack_add_named (self->view_stack, self->view_widgets[index], views[index].name);
  gtk_stack_page_set_title (page, _(views[index].title));

  return self->view_widgets[index];
}

static void
show_view (ConciergeWindow *self,
           const char      *name)
{
  int index = view_index (name);

  if (index < 0) {
    g_debug ("No view called “%s”", name);
    return;
  }

  ensure_view (self, index);
  gtk_stack_set_visible_child_name (self->view_stack, name);
  adw_window_title_set_title (self->desk_title, _(views[index].title));
  gtk_list_box_select_row (self->sidebar_list,
                           gtk_list_box_get_row_at_index (self->sidebar_list, index));
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
show_desk (ConciergeWindow *self)
{
  self->status = CONCIERGE_WINDOW_STATUS_CONNECTED;
  /* The desk opens on the calls. */
  if (gtk_stack_get_visible_child (self->view_stack) == NULL)
    show_view (self, "calls");
  gtk_stack_set_visible_child_name (self->main_stack, "desk");
}

static void
session_started_cb (ConciergeWindow *self)
{
  ConciergeCallQueue *queue;

  if (self->session == NULL || !concierge_session_get_started (self->session))
    return;

  queue = concierge_session_get_call_queue (self->session);
  g_signal_connect_object (queue, "items-changed", G_CALLBACK (queue_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  queue_items_changed_cb (self, 0, 0, g_list_model_get_n_items (G_LIST_MODEL (queue)),
                          G_LIST_MODEL (queue));
  g_signal_connect_object (concierge_session_get_log_store (self->session),
                           "notify::unacknowledged-missed", G_CALLBACK (update_badges), self,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++) {
    if (self->view_widgets[i] != NULL)
      g_object_set (self->view_widgets[i], "session", self->session, NULL);
  }

  update_badges (self);
  update_operator (self);
  show_desk (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
session_start_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ConciergeWindow) self = user_data;
  ConciergeSession *session = CONCIERGE_SESSION (source);
  g_autoptr(GError) error = NULL;

  if (concierge_session_start_finish (session, result, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || session != self->session)
    return;

  g_debug ("Session failed to start: %s", error->message);
  /* Without the log the desk would lose what it did: do not pretend. */
  if (!concierge_session_get_started (session)) {
    g_autofree char *description = NULL;

    /* Translators: %s is a technical reason. */
    description = g_strdup_printf (_("The desk’s log could not be opened (%s). Check that "
                                     "there is space on the disk."), error->message);
    set_status (self, CONCIERGE_WINDOW_STATUS_FAILED, "dialog-error-symbolic",
                _("Cannot Start the Desk"), description);
  }
}

static void
clear_session (ConciergeWindow *self)
{
  g_autoptr(ConciergeSession) session = g_steal_pointer (&self->session);

  if (session == NULL)
    return;

  g_signal_handlers_disconnect_by_data (session, self);
  g_signal_handlers_disconnect_by_data (concierge_session_get_event_stream (session), self);
  if (concierge_session_get_call_queue (session) != NULL)
    g_signal_handlers_disconnect_by_data (concierge_session_get_call_queue (session), self);
  if (concierge_session_get_log_store (session) != NULL)
    g_signal_handlers_disconnect_by_data (concierge_session_get_log_store (session), self);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++) {
    if (self->view_widgets[i] != NULL)
      g_object_set (self->view_widgets[i], "session", NULL, NULL);
  }
  concierge_connection_banner_set_stream (self->banner, NULL);

  /* The stores finish their writes on their own threads; nobody waits. */
  concierge_session_stop_async (session, NULL, NULL, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
start_session (ConciergeWindow *self)
{
  g_assert (self->client != NULL);

  clear_session (self);
  self->session = concierge_session_new (self->client, self->settings, self->demo);

  g_signal_connect_object (self->session, "notify::started", G_CALLBACK (session_started_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::operator", G_CALLBACK (update_operator),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (concierge_session_get_event_stream (self->session), "notify::state",
                           G_CALLBACK (update_connection), self, G_CONNECT_SWAPPED);
  concierge_connection_banner_set_stream (self->banner,
                                          concierge_session_get_event_stream (self->session));

  concierge_session_start_async (self->session, NULL, self->cancellable, session_start_cb,
                                 g_object_ref (self));
}

static void
login_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ConciergeWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  HccClient *client = HCC_CLIENT (source);
  gboolean ok;

  ok = hcc_client_login_finish (client, result, &error);

  /* A newer login or the window's dispose replaced this one. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || client != self->client)
    return;

  if (ok)
    start_session (self);
  else
    show_login_error (self, error);

  update_connection (self);
}

static void
start_login (ConciergeWindow *self)
{
  g_autofree char *description = NULL;

  g_assert (self->client != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* Translators: %s is a server address. */
  description = g_strdup_printf (_("Signing in to %s"), server_name (self));
  set_status (self, CONCIERGE_WINDOW_STATUS_CONNECTING, "network-transmit-receive-symbolic",
              _("Connecting…"), description);
  adw_window_title_set_subtitle (self->window_title, _("Connecting…"));

  hcc_client_login_async (self->client, self->cancellable, login_cb, g_object_ref (self));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ConciergeWindow *self = CONCIERGE_WINDOW (widget);

  if (self->client != NULL)
    start_login (self);
}

static void
setup_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  concierge_window_set_client (CONCIERGE_WINDOW (widget), NULL);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_view (CONCIERGE_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_room_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ConciergeWindow *self = CONCIERGE_WINDOW (widget);

  show_view (self, "rooms");
  concierge_rooms_view_show_room (CONCIERGE_ROOMS_VIEW (ensure_view (self, view_index ("rooms"))),
                                  g_variant_get_string (parameter, NULL));
}

static void
show_resident_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ConciergeWindow *self = CONCIERGE_WINDOW (widget);
  GtkWidget *view = ensure_view (self, view_index ("residents"));

  show_view (self, "residents");
  concierge_residents_view_show_resident (CONCIERGE_RESIDENTS_VIEW (view),
                                          g_variant_get_string (parameter, NULL));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ConciergeWindow *self = CONCIERGE_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->sidebar_list));
}

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget) && gtk_widget_is_drawable (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found = find_search_entry (child);

    if (found != NULL)
      return found;
  }

  return NULL;
}

/* Ctrl+F goes to the search field of whichever view is shown. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ConciergeWindow *self = CONCIERGE_WINDOW (widget);
  GtkWidget *view = gtk_stack_get_visible_child (self->view_stack);
  GtkWidget *entry = view != NULL ? find_search_entry (view) : NULL;

  if (entry != NULL)
    gtk_widget_grab_focus (entry);
}

/* The shortcuts window is built when asked and destroyed when closed.
 * GtkApplication would build it from gtk/help-overlay.ui for every window
 * and keep it hidden all along, and GTK 4.8's AT-SPI root crashes the app
 * when a screen reader asks it for a hidden window (GetChildAtIndex
 * returns the last window, hidden or not; docs/doors-and-logs.md). */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ConciergeWindow *self = CONCIERGE_WINDOW (widget);
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->help_overlay == NULL)
    {
      builder = gtk_builder_new_from_resource ("/io/github/hccdesk/Concierge/concierge-shortcuts.ui");
      self->help_overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_window_set_transient_for (self->help_overlay, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->help_overlay, FALSE);
      g_object_add_weak_pointer (G_OBJECT (self->help_overlay), (gpointer *) &self->help_overlay);
    }

  gtk_window_present (self->help_overlay);
}

static void
sidebar_row_activated_cb (ConciergeWindow *self,
                          GtkListBoxRow   *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && index < (int) G_N_ELEMENTS (views))
    show_view (self, views[index].name);
}

static void
operator_popover_show_cb (ConciergeWindow *self)
{
  const char *name = self->session != NULL ? concierge_session_get_operator (self->session) : "";

  gtk_editable_set_text (GTK_EDITABLE (self->operator_entry), name);
  gtk_editable_select_region (GTK_EDITABLE (self->operator_entry), 0, -1);
}

static void
operator_entry_activate_cb (ConciergeWindow *self)
{
  if (self->session != NULL)
    concierge_session_set_operator (self->session,
                                    gtk_editable_get_text (GTK_EDITABLE (self->operator_entry)));
  gtk_popover_popdown (self->operator_popover);
}

static void
prompt_activate_cb (ConciergeWindow *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->prompt_entry));

  if (self->session == NULL || *name == '\0')
    return;
  concierge_session_set_operator (self->session, name);
  gtk_editable_set_text (GTK_EDITABLE (self->prompt_entry), "");
}

static void
build_sidebar (ConciergeWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++) {
    GtkWidget *row = gtk_list_box_row_new ();
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    GtkWidget *icon = gtk_image_new_from_icon_name (views[i].icon_name);
    GtkWidget *label = gtk_label_new (_(views[i].title));
    GtkWidget *badge = gtk_label_new (NULL);

    gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_widget_set_hexpand (label, TRUE);
    gtk_widget_set_visible (badge, FALSE);
    gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (badge, "concierge-badge");
    gtk_box_append (GTK_BOX (box), icon);
    gtk_box_append (GTK_BOX (box), label);
    gtk_box_append (GTK_BOX (box), badge);
    gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
    gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, badge, NULL,
                                    -1);
    gtk_list_box_append (self->sidebar_list, row);
    self->badges[i] = GTK_LABEL (badge);
  }
}

static gboolean
concierge_window_close_request (GtkWindow *window)
{
  ConciergeWindow *self = CONCIERGE_WINDOW (window);
  gboolean maximized = gtk_window_is_maximized (window);

  if (self->settings == NULL)
    return GTK_WINDOW_CLASS (concierge_window_parent_class)->close_request (window);

  /* The restored size, not the maximized one, is what the next start wants. */
  if (!maximized) {
    int width, height;

    gtk_window_get_default_size (window, &width, &height);
    g_settings_set_int (self->settings, "window-width", width);
    g_settings_set_int (self->settings, "window-height", height);
  }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  return GTK_WINDOW_CLASS (concierge_window_parent_class)->close_request (window);
}

static void
concierge_window_map (GtkWidget *widget)
{
  ConciergeWindow *self = CONCIERGE_WINDOW (widget);

  if (self->status == CONCIERGE_WINDOW_STATUS_SETUP &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->status_stack), "setup") != 0)
    show_setup (self);

  GTK_WIDGET_CLASS (concierge_window_parent_class)->map (widget);
}

static void
concierge_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ConciergeWindow *self = CONCIERGE_WINDOW (object);

  switch (prop_id) {
  case PROP_SESSION:
    g_value_set_object (value, concierge_window_get_session (self));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
concierge_window_dispose (GObject *object)
{
  ConciergeWindow *self = CONCIERGE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->help_overlay != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->help_overlay), (gpointer *) &self->help_overlay);
      gtk_window_destroy (g_steal_pointer (&self->help_overlay));
    }
  clear_session (self);
  /* The application keeps the client alive: stop hearing from it now, not
   * only at finalize, so no notification reaches a half-disposed window. */
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_func (self->client, update_connection, self);
  g_clear_object (&self->client);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONCIERGE_TYPE_WINDOW);

  G_OBJECT_CLASS (concierge_window_parent_class)->dispose (object);
}

static void
concierge_window_finalize (GObject *object)
{
  ConciergeWindow *self = CONCIERGE_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (concierge_window_parent_class)->finalize (object);
}

static void
concierge_window_class_init (ConciergeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = concierge_window_dispose;
  object_class->finalize = concierge_window_finalize;
  object_class->get_property = concierge_window_get_property;
  widget_class->map = concierge_window_map;
  window_class->close_request = concierge_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, CONCIERGE_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CONCIERGE_TYPE_CONNECTION_BANNER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hccdesk/Concierge/concierge-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, status_stack);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, demo_badge);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, setup_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, content);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, desk_title);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, desk_demo_badge);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, operator_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, operator_popover);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, operator_entry);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, operator_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, operator_prompt);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, prompt_entry);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, operator_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, operator_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, prompt_activate_cb);

  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "win.setup", NULL, setup_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-room", "s", show_room_action);
  gtk_widget_class_install_action (widget_class, "win.show-resident", "s",
                                   show_resident_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-view", "s", views[i].name);
}

static void
concierge_window_init (ConciergeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_sidebar (self);
  update_operator (self);
  /* Until told otherwise the window asks for a site; the page itself is
   * built when the window is shown still asking (see map()). */
  self->status = CONCIERGE_WINDOW_STATUS_SETUP;
  adw_window_title_set_subtitle (self->window_title, _("Not Connected"));
  concierge_startup_probe_attach (GTK_WINDOW (self));
}

ConciergeWindow *
concierge_window_new (GtkApplication *application,
                      GSettings      *settings)
{
  ConciergeWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CONCIERGE_TYPE_WINDOW,
                       "application", application,
                       NULL);
  self->settings = g_object_ref (settings);
  if (self->setup_page != NULL)
    concierge_setup_page_set_settings (self->setup_page, settings);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               MAX (360, g_settings_get_int (settings, "window-width")),
                               MAX (360, g_settings_get_int (settings, "window-height")));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  return self;
}

void
concierge_window_set_demo (ConciergeWindow *self,
                           gboolean         demo)
{
  g_return_if_fail (CONCIERGE_IS_WINDOW (self));

  self->demo = !!demo;
  gtk_widget_set_visible (GTK_WIDGET (self->demo_badge), self->demo);
  gtk_widget_set_visible (GTK_WIDGET (self->desk_demo_badge), self->demo);
  /* The demo site has no keys to change. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.setup", !self->demo);
}

gboolean
concierge_window_get_demo (ConciergeWindow *self)
{
  g_return_val_if_fail (CONCIERGE_IS_WINDOW (self), FALSE);

  return self->demo;
}

void
concierge_window_set_client (ConciergeWindow *self,
                             HccClient       *client)
{
  g_return_if_fail (CONCIERGE_IS_WINDOW (self));
  g_return_if_fail (client == NULL || HCC_IS_CLIENT (client));

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_func (self->client, update_connection, self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_session (self);

  g_set_object (&self->client, client);

  if (self->client == NULL) {
    show_setup (self);
    return;
  }

  g_signal_connect_object (self->client, "notify::state",
                           G_CALLBACK (update_connection), self, G_CONNECT_SWAPPED);
  start_login (self);
}

HccClient *
concierge_window_get_client (ConciergeWindow *self)
{
  g_return_val_if_fail (CONCIERGE_IS_WINDOW (self), NULL);

  return self->client;
}

ConciergeSession *
concierge_window_get_session (ConciergeWindow *self)
{
  g_return_val_if_fail (CONCIERGE_IS_WINDOW (self), NULL);

  /* Views and actions get it once it has started, never before. */
  if (self->session == NULL || !concierge_session_get_started (self->session))
    return NULL;

  return self->session;
}

void
concierge_window_show_busy (ConciergeWindow *self,
                            const char      *description)
{
  g_return_if_fail (CONCIERGE_IS_WINDOW (self));

  set_status (self, CONCIERGE_WINDOW_STATUS_CONNECTING, "network-transmit-receive-symbolic",
              _("Connecting…"), description);
  adw_window_title_set_subtitle (self->window_title, _("Connecting…"));
}

void
concierge_window_show_failure (ConciergeWindow *self,
                               const char      *title,
                               const char      *description)
{
  g_return_if_fail (CONCIERGE_IS_WINDOW (self));

  set_status (self, CONCIERGE_WINDOW_STATUS_FAILED, "dialog-error-symbolic", title, description);
  adw_window_title_set_subtitle (self->window_title, _("Not Connected"));
}

void
concierge_window_show_view (ConciergeWindow *self,
                            const char      *name)
{
  g_return_if_fail (CONCIERGE_IS_WINDOW (self));

  show_view (self, name);
}

void
concierge_window_show_call (ConciergeWindow *self,
                            const char      *record_id)
{
  g_return_if_fail (CONCIERGE_IS_WINDOW (self));

  show_view (self, "calls");
  concierge_calls_view_show_call (CONCIERGE_CALLS_VIEW (ensure_view (self, view_index ("calls"))),
                                  record_id);
}

GtkWidget *
concierge_window_get_view (ConciergeWindow *self,
                           const char      *name)
{
  int index = view_index (name);

  g_return_val_if_fail (CONCIERGE_IS_WINDOW (self), NULL);

  return index >= 0 ? ensure_view (self, index) : NULL;
}

const char *
concierge_window_get_visible_view (ConciergeWindow *self)
{
  g_return_val_if_fail (CONCIERGE_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->view_stack);
}

ConciergeWindowStatus
concierge_window_get_status (ConciergeWindow *self)
{
  g_return_val_if_fail (CONCIERGE_IS_WINDOW (self), CONCIERGE_WINDOW_STATUS_SETUP);

  return self->status;
}

AdwStatusPage *
concierge_window_get_status_page (ConciergeWindow *self)
{
  g_return_val_if_fail (CONCIERGE_IS_WINDOW (self), NULL);

  return self->status_page;
}

const char *
concierge_window_get_subtitle (ConciergeWindow *self)
{
  g_return_val_if_fail (CONCIERGE_IS_WINDOW (self), NULL);

  return adw_window_title_get_subtitle (self->window_title);
}

ConciergeConnectionBanner *
concierge_window_get_banner (ConciergeWindow *self)
{
  g_return_val_if_fail (CONCIERGE_IS_WINDOW (self), NULL);

  return self->banner;
}

ConciergeSetupPage *
concierge_window_get_setup_page (ConciergeWindow *self)
{
  g_return_val_if_fail (CONCIERGE_IS_WINDOW (self), NULL);

  return ensure_setup_page (self);
}
