/* concierge-passes-view.c: the site's visitor passes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-passes-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concierge-pass-editor.h"
#include "concierge-pass-printer.h"
#include "concierge-pass-view.h"
#include "concierge-passes-view-private.h"

struct _ConciergePassesView
{
  AdwBin              parent_instance;

  AdwToastOverlay    *toast_overlay;
  GtkSearchEntry     *search_entry;
  GtkWidget          *refresh_button;
  GtkWidget          *new_button;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkSpinner         *spinner;
  AdwStatusPage      *error_page;

  ConciergeSession   *session;      /* (owned) (nullable) */
  GListStore         *passes;       /* (owned): HccPass as listed */
  GtkFilterListModel *filtered;     /* (owned) */
  GtkCustomFilter    *filter;       /* (owned) */
  GCancellable       *cancellable;  /* (owned) (nullable): the listing in flight */
  GCancellable       *write_cancellable; /* (owned): deletes; a new listing leaves them be */
  char               *query;        /* (owned) (nullable): folded search text */
  GHashTable         *pass_windows; /* (owned): pass ID -> its open window (unowned) */
  gboolean            loading;
  gboolean            load_failed;
};

G_DEFINE_FINAL_TYPE (ConciergePassesView, concierge_passes_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Case-folded, without accents: "Márta" is found by "marta". */
static char *
fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) bare = NULL;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }

  return g_utf8_casefold (bare->str, -1);
}

static gboolean
pass_is_expired (HccPass *pass)
{
  g_autoptr(GDateTime) now = NULL;
  GDateTime *end = hcc_pass_get_end_time (pass);

  if (hcc_pass_get_expired (pass))
    return TRUE;
  if (end == NULL)
    return FALSE;

  now = g_date_time_new_now_utc ();
  return g_date_time_compare (end, now) <= 0;
}

static gboolean
match_pass (gpointer item,
            gpointer user_data)
{
  ConciergePassesView *self = user_data;
  HccPass *pass = item;
  g_autofree char *name = NULL;
  g_autofree char *creator = NULL;

  if (self->query == NULL || *self->query == '\0')
    return TRUE;

  /* A handful to a few hundred passes: folding on the fly is cheap. */
  name = fold (hcc_pass_get_name (pass));
  creator = fold (hcc_pass_get_creator_name (pass));

  return strstr (name, self->query) != NULL || strstr (creator, self->query) != NULL;
}

static void
update_stack (ConciergePassesView *self)
{
  const char *page;

  if (self->session == NULL)
    page = "no-session";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->passes)) == 0)
    page = self->loading ? "loading" : self->load_failed ? "error" : "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    page = "no-results";
  else
    page = "list";

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->spinner, self->loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "passes.refresh",
                                 self->session != NULL && !self->loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "passes.new", self->session != NULL);
}

static void
filtered_changed_cb (ConciergePassesView *self)
{
  update_stack (self);
}

static void
search_changed_cb (ConciergePassesView *self)
{
  g_autofree char *query = fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_strstrip (query);
  if (g_strcmp0 (query, self->query) == 0)
    return;

  /* Typing on narrows the list; GTK then only re-checks what is shown. */
  if (self->query != NULL && strstr (query, self->query) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->query != NULL && strstr (self->query, query) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->query);
  self->query = g_steal_pointer (&query);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_stack (self);
}

static HccPass *
find_pass (ConciergePassesView *self,
           const char          *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->passes)); i++)
    {
      g_autoptr(HccPass) pass = g_list_model_get_item (G_LIST_MODEL (self->passes), i);

      if (g_strcmp0 (hcc_pass_get_id (pass), id) == 0)
        return pass;
    }

  return NULL;
}

static void
toast (ConciergePassesView *self,
       const char          *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static char *
site_name (ConciergePassesView *self)
{
  HccClient *client;
  const char *url;
  g_autoptr(GUri) uri = NULL;

  if (self->session == NULL)
    return NULL;
  if (concierge_session_get_demo (self->session))
    return g_strdup (_("Concierge demo site"));

  client = concierge_session_get_client (self->session);
  url = client != NULL ? hcc_client_get_server_url (client) : NULL;
  if (url == NULL)
    return NULL;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  return g_strdup (uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : url);
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ConciergePassesView) self = user_data;
  g_autoptr(GListModel) passes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  passes = hcc_passes_list_finish (HCC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;

  if (passes == NULL)
    {
      g_autofree char *text = NULL;

      g_debug ("Listing passes failed: %s", error->message);
      self->load_failed = TRUE;
      adw_status_page_set_description (self->error_page, error->message);
      /* With passes on screen, say it without hiding them. */
      if (g_list_model_get_n_items (G_LIST_MODEL (self->passes)) > 0)
        {
          /* Translators: %s says why the passes could not be loaded. */
          text = g_strdup_printf (_("Passes not refreshed: %s"), error->message);
          toast (self, text);
        }
      update_stack (self);
      return;
    }

  self->load_failed = FALSE;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (passes); i++)
    g_ptr_array_add (items, g_list_model_get_item (passes, i));
  g_list_store_splice (self->passes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->passes)),
                       items->pdata, items->len);
  update_stack (self);
}

static void
load (ConciergePassesView *self)
{
  HccClient *client;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->session == NULL || (client = concierge_session_get_client (self->session)) == NULL)
    {
      update_stack (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  update_stack (self);
  hcc_passes_list_async (client, NULL, self->cancellable, list_cb, g_object_ref (self));
}

static void
pass_window_destroyed_cb (ConciergePassesView *self,
                          GtkWidget           *window)
{
  g_hash_table_remove (self->pass_windows, g_object_get_data (G_OBJECT (window), "concierge-pass-id"));
}

static void
close_pass_windows (ConciergePassesView *self)
{
  g_autoptr(GList) windows = g_hash_table_get_values (self->pass_windows);

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_hash_table_remove_all (self->pass_windows);
}

static void
open_pass (ConciergePassesView *self,
           HccPass             *pass)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *site = NULL;
  GtkWidget *window = g_hash_table_lookup (self->pass_windows, hcc_pass_get_id (pass));
  GtkWidget *box;
  GtkWidget *header;
  GtkEventController *shortcuts;
  ConciergePassView *view;

  /* One window per pass: two would fetch two dynamic codes, and the
   * older one would stop working as soon as the newer one is scanned. */
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  site = site_name (self);
  window = adw_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  shortcuts = gtk_shortcut_controller_new ();
  view = concierge_pass_view_new ();

  /* A window of its own, so the pass can be turned towards the visitor or
   * moved to a second screen while the desk goes on working. */
  gtk_window_set_title (GTK_WINDOW (window), hcc_pass_get_name (pass));
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 700);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape"),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  concierge_pass_view_set_site_name (view, site);
  concierge_pass_view_set_client (view, concierge_session_get_client (self->session));
  concierge_pass_view_set_pass (view, pass);
  gtk_widget_set_vexpand (GTK_WIDGET (view), TRUE);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (view));
  adw_window_set_content (ADW_WINDOW (window), box);

  g_object_set_data_full (G_OBJECT (window), "concierge-pass-id", g_strdup (hcc_pass_get_id (pass)), g_free);
  g_hash_table_insert (self->pass_windows, g_strdup (hcc_pass_get_id (pass)), window);
  g_signal_connect_object (window, "destroy", G_CALLBACK (pass_window_destroyed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ConciergePassesView *self = CONCIERGE_PASSES_VIEW (widget);
  HccPass *pass = find_pass (self, g_variant_get_string (parameter, NULL));

  if (pass != NULL && self->session != NULL)
    open_pass (self, pass);
}

static void
row_activated_cb (ConciergePassesView *self,
                  guint                position)
{
  g_autoptr(HccPass) pass = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (pass != NULL && self->session != NULL)
    open_pass (self, pass);
}

static void
saved_cb (ConciergePassesView *self,
          HccPass             *pass,
          ConciergePassEditor *editor)
{
  g_autofree char *text = NULL;

  /* Translators: %s is a pass's name. */
  text = g_strdup_printf (concierge_pass_editor_get_pass (editor) != NULL ? _("Pass “%s” saved")
                                                                          : _("Pass “%s” created"),
                          hcc_pass_get_name (pass));
  toast (self, text);
  load (self);
}

static void
open_editor (ConciergePassesView *self,
             HccPass             *pass)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ConciergeDirectory *directory;
  ConciergePassEditor *editor;

  if (self->session == NULL)
    return;

  directory = concierge_session_get_directory (self->session);
  editor = concierge_pass_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      concierge_session_get_client (self->session),
                                      directory != NULL ? concierge_directory_get_access_levels (directory)
                                                        : NULL,
                                      pass);
  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (CONCIERGE_PASSES_VIEW (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ConciergePassesView *self = CONCIERGE_PASSES_VIEW (widget);
  HccPass *pass = find_pass (self, g_variant_get_string (parameter, NULL));

  if (pass != NULL)
    open_editor (self, pass);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  load (CONCIERGE_PASSES_VIEW (widget));
}

static void
delete_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GPtrArray) data = user_data;
  ConciergePassesView *self = g_ptr_array_index (data, 0);
  HccPass *pass = g_ptr_array_index (data, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint position;

  if (!hcc_passes_delete_finish (HCC_CLIENT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Deleting a pass failed: %s", error->message);
      /* Translators: %s says why the pass was not deleted. */
      text = g_strdup_printf (_("The pass was not deleted: %s"), error->message);
      toast (self, text);
      return;
    }

  if (g_list_store_find (self->passes, pass, &position))
    g_list_store_remove (self->passes, position);
  /* Translators: %s is a pass's name. */
  text = g_strdup_printf (_("Pass “%s” deleted"), hcc_pass_get_name (pass));
  toast (self, text);
  update_stack (self);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  ConciergePassesView *self = CONCIERGE_PASSES_VIEW (user_data);
  HccPass *pass = g_object_get_data (G_OBJECT (dialog), "concierge-pass");
  const char *ids[2] = { NULL, NULL };
  GPtrArray *data;

  if (g_strcmp0 (response, "delete") != 0 || pass == NULL || self->session == NULL)
    return;

  ids[0] = hcc_pass_get_id (pass);
  data = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (data, g_object_ref (self));
  g_ptr_array_add (data, g_object_ref (pass));
  hcc_passes_delete_async (concierge_session_get_client (self->session), ids, self->write_cancellable,
                           delete_cb, data);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ConciergePassesView *self = CONCIERGE_PASSES_VIEW (widget);
  HccPass *pass = find_pass (self, g_variant_get_string (parameter, NULL));
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (pass == NULL)
    return;

  /* Translators: %s is a pass's name. */
  body = g_strdup_printf (_("“%s” stops opening doors at once, and its QR code and PIN stop working. "
                            "This cannot be undone."),
                          hcc_pass_get_name (pass));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Delete Pass?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "concierge-pass", g_object_ref (pass), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Rows: name, creator and entries, validity, status, and the actions. */

static GtkWidget *
row_button (const char *icon_name,
            const char *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* The action is set in bind, with its target: a name without the
   * target would not match the action's parameter type. */
  g_object_set_data (G_OBJECT (button), "action-name", (gpointer) action_name);
  return button;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);
  GtkWidget *validity = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *open = row_button ("view-reveal-symbolic", "passes.open");
  GtkWidget *edit = row_button ("document-edit-symbolic", "passes.edit");
  GtkWidget *delete = row_button ("user-trash-symbolic", "passes.delete");

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 6);
  gtk_widget_set_hexpand (texts, TRUE);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (validity), 0);
  gtk_label_set_ellipsize (GTK_LABEL (validity), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (validity, "numeric");
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_label_set_width_chars (GTK_LABEL (status), 8);
  gtk_widget_add_css_class (status, "caption-heading");

  gtk_widget_set_tooltip_text (open, _("Show Pass"));
  gtk_widget_set_tooltip_text (edit, _("Edit Pass"));
  gtk_widget_set_tooltip_text (delete, _("Delete Pass"));

  gtk_box_append (GTK_BOX (texts), name);
  gtk_box_append (GTK_BOX (texts), details);
  gtk_box_append (GTK_BOX (texts), validity);
  gtk_box_append (GTK_BOX (row), texts);
  gtk_box_append (GTK_BOX (row), status);
  gtk_box_append (GTK_BOX (row), open);
  gtk_box_append (GTK_BOX (row), edit);
  gtk_box_append (GTK_BOX (row), delete);

  g_object_set_data (G_OBJECT (row), "name", name);
  g_object_set_data (G_OBJECT (row), "details", details);
  g_object_set_data (G_OBJECT (row), "validity", validity);
  g_object_set_data (G_OBJECT (row), "status", status);
  g_object_set_data (G_OBJECT (row), "open", open);
  g_object_set_data (G_OBJECT (row), "edit", edit);
  g_object_set_data (G_OBJECT (row), "delete", delete);
  gtk_list_item_set_child (item, row);
}

static void
label_button (GtkWidget  *button,
              char       *label,
              const char *id)
{
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), g_object_get_data (G_OBJECT (button), "action-name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_free (label);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  HccPass *pass = gtk_list_item_get_item (item);
  const char *name = hcc_pass_get_name (pass);
  const char *id = hcc_pass_get_id (pass);
  const char *creator = hcc_pass_get_creator_name (pass);
  int opens = hcc_pass_get_open_count (pass);
  GtkWidget *status = g_object_get_data (G_OBJECT (row), "status");
  g_autofree char *entries = NULL;
  g_autofree char *details = NULL;
  g_autofree char *validity = concierge_pass_format_validity (pass);
  gboolean expired = pass_is_expired (pass);

  /* Translators: how often a pass opens each door. */
  entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d entry per door", "%d entries per door", opens),
                             opens);
  if (creator != NULL && *creator != '\0')
    /* Translators: "Created by <name> · <n entries per door>". */
    details = g_strdup_printf (_("Created by %s · %s"), creator, entries);
  else
    details = g_strdup (entries);

  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "name"), name);
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "details"), details);
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "validity"), validity);
  gtk_label_set_label (GTK_LABEL (status), expired ? _("Expired") : _("Valid"));
  gtk_widget_remove_css_class (status, expired ? "success" : "error");
  gtk_widget_add_css_class (status, expired ? "error" : "success");

  /* Translators: accessible names of a pass row's buttons; %s is its name. */
  label_button (g_object_get_data (G_OBJECT (row), "open"), g_strdup_printf (_("Show pass %s"), name), id);
  label_button (g_object_get_data (G_OBJECT (row), "edit"), g_strdup_printf (_("Edit pass %s"), name), id);
  label_button (g_object_get_data (G_OBJECT (row), "delete"), g_strdup_printf (_("Delete pass %s"), name),
                id);
}

static void
concierge_passes_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ConciergePassesView *self = CONCIERGE_PASSES_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_passes_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ConciergePassesView *self = CONCIERGE_PASSES_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      concierge_passes_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_passes_view_dispose (GObject *object)
{
  ConciergePassesView *self = CONCIERGE_PASSES_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->write_cancellable);
  g_clear_object (&self->write_cancellable);
  g_clear_object (&self->session);
  if (self->pass_windows != NULL)
    close_pass_windows (self);
  g_clear_pointer (&self->pass_windows, g_hash_table_unref);

  /* The bin's child is a bound template child: let the template drop it
   * once, not the bin a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCIERGE_TYPE_PASSES_VIEW);

  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->passes);

  G_OBJECT_CLASS (concierge_passes_view_parent_class)->dispose (object);
}

static void
concierge_passes_view_finalize (GObject *object)
{
  ConciergePassesView *self = CONCIERGE_PASSES_VIEW (object);

  g_free (self->query);

  G_OBJECT_CLASS (concierge_passes_view_parent_class)->finalize (object);
}

static void
concierge_passes_view_class_init (ConciergePassesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = concierge_passes_view_get_property;
  object_class->set_property = concierge_passes_view_set_property;
  object_class->dispose = concierge_passes_view_dispose;
  object_class->finalize = concierge_passes_view_finalize;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, CONCIERGE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "passes.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "passes.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "passes.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "passes.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "passes.delete", "s", delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "passes.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "passes.refresh", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hccdesk/Concierge/concierge-passes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ConciergePassesView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassesView, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassesView, new_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassesView, stack);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassesView, list_view);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassesView, spinner);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassesView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
concierge_passes_view_init (ConciergePassesView *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->passes = g_list_store_new (HCC_TYPE_PASS);
  self->write_cancellable = g_cancellable_new ();
  self->pass_windows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->filter = gtk_custom_filter_new (match_pass, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->passes)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (filtered_changed_cb),
                           self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)))));

  update_stack (self);
}

ConciergePassesView *
concierge_passes_view_new (void)
{
  return g_object_new (CONCIERGE_TYPE_PASSES_VIEW, NULL);
}

ConciergeSession *
concierge_passes_view_get_session (ConciergePassesView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PASSES_VIEW (self), NULL);

  return self->session;
}

void
concierge_passes_view_set_session (ConciergePassesView *self,
                                   ConciergeSession    *session)
{
  g_return_if_fail (CONCIERGE_IS_PASSES_VIEW (self));
  g_return_if_fail (session == NULL || CONCIERGE_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  /* Nothing of the old site stays on screen. */
  close_pass_windows (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->write_cancellable);
  g_object_unref (self->write_cancellable);
  self->write_cancellable = g_cancellable_new ();
  g_list_store_remove_all (self->passes);
  self->loading = FALSE;
  self->load_failed = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  load (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
concierge_passes_view_refresh (ConciergePassesView *self)
{
  g_return_if_fail (CONCIERGE_IS_PASSES_VIEW (self));

  load (self);
}

gboolean
concierge_passes_view_get_loading (ConciergePassesView *self)
{
  return self->loading;
}

GListModel *
concierge_passes_view_get_passes (ConciergePassesView *self)
{
  return G_LIST_MODEL (self->passes);
}

GListModel *
concierge_passes_view_get_shown (ConciergePassesView *self)
{
  return G_LIST_MODEL (self->filtered);
}

GtkSearchEntry *
concierge_passes_view_get_search_entry (ConciergePassesView *self)
{
  return self->search_entry;
}

GtkStack *
concierge_passes_view_get_stack (ConciergePassesView *self)
{
  return self->stack;
}

AdwStatusPage *
concierge_passes_view_get_error_page (ConciergePassesView *self)
{
  return self->error_page;
}
