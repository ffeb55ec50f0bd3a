/* test-views-common.h: shared helpers of the view tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Screenshots for reviewing a view by eye (only when CONCIERGE_SCREENSHOT_DIR
 * is set), the app's style sheet, walking a widget tree, finding a toplevel,
 * and closing a test window until its views are really gone. Included by the
 * doors, log and passes view tests.
 */

#pragma once

#include <adwaita.h>

#include "hcc-test-utils.h"

/* The app's style sheet, which AdwApplication would load; the tests have
 * no application. Loaded once per program. */
static inline void
test_views_load_style (void)
{
  static GtkCssProvider *provider = NULL;

  if (provider != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/hccdesk/Concierge/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static inline gboolean
test_views_deadline_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

/* With CONCIERGE_SCREENSHOT_DIR set, saves @window as it looks now, in the
 * light or the dark style, into that folder as @file. */
static inline void
test_views_screenshot (GtkWindow  *window,
                       const char *file,
                       gboolean    dark)
{
  const char *dir = g_getenv ("CONCIERGE_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  gint64 deadline;
  int width, height;

  if (dir == NULL)
    return;

  test_views_load_style ();
  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);
  /* Let the style change, the layout and a few frames go through. */
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  hcc_test_wait_until (test_views_deadline_passed, &deadline, 2000);

  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* Both styles, as NAME-light.png and NAME-dark.png. */
static inline void
test_views_screenshots (GtkWindow  *window,
                        const char *name)
{
  g_autofree char *light = g_strdup_printf ("%s-light.png", name);
  g_autofree char *dark = g_strdup_printf ("%s-dark.png", name);

  test_views_screenshot (window, light, FALSE);
  test_views_screenshot (window, dark, TRUE);
}

typedef gboolean (*TestViewsFilter) (GtkWidget *widget,
                                     gpointer   data);

/* Appends to @found, depth first, every widget below @root (itself
 * included) that @filter takes; a taken widget's children are not
 * looked at. */
static inline void
test_views_collect (GtkWidget       *root,
                    TestViewsFilter  filter,
                    gpointer         data,
                    GPtrArray       *found)
{
  if (filter (root, data))
    {
      g_ptr_array_add (found, root);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    test_views_collect (child, filter, data, found);
}

/* The first widget below @root that @filter takes, or NULL. */
static inline GtkWidget *
test_views_find (GtkWidget       *root,
                 TestViewsFilter  filter,
                 gpointer         data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  test_views_collect (root, filter, data, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

/* The visible toplevel window of @type (or a subtype), or NULL. */
static inline GtkWindow *
test_views_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;   /* the toplevel list keeps it */
    }

  return NULL;
}

static inline gboolean
test_views_all_gone (gpointer data)
{
  GtkWidget ***views = data;

  for (guint i = 0; views[i] != NULL; i++)
    if (*views[i] != NULL)
      return FALSE;

  return TRUE;
}

/* Destroys @window and waits until each view in @views (a NULL-terminated
 * array of pointers to the views) is finalized: a request cancelled with a
 * view completes on a later iteration and only then drops the view's last
 * reference. On a busy machine that may take a moment, but it must happen.
 * The pointers are NULL afterwards. */
static inline void
test_views_destroy_window (GtkWindow   *window,
                           GtkWidget ***views,
                           guint        timeout_ms)
{
  for (guint i = 0; views[i] != NULL; i++)
    g_object_add_weak_pointer (G_OBJECT (*views[i]), (gpointer *) views[i]);
  gtk_window_destroy (window);
  g_assert_true (hcc_test_wait_until (test_views_all_gone, views, timeout_ms));
}
