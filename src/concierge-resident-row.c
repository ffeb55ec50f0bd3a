/* concierge-resident-row.c: one resident in the residents list, and its header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's list views keep up to 200 row widgets, and a search that
 * changes which residents are shown replaces most of them: they are
 * destroyed and built again on that keystroke. A GtkColumnView row of five
 * columns is about twenty widgets (the row, a cell per column, their labels,
 * the status icon), so a keystroke built some 4,000 widgets and took up to
 * 150 ms (bench/bench-residents). This row is one widget that draws its five
 * cells with Pango, so the same keystroke builds 200 small widgets, and a
 * frame lays out only the rows on screen.
 *
 * The header lays out real labels in the same columns; both share
 * column_geometry(). The row's accessible name reads its cells in order.
 */

#define G_LOG_DOMAIN "concierge-resident-row"

#include "config.h"

#include <glib/gi18n.h>

#include "concierge-resident-row.h"

#define SIDE_PADDING   12
#define COLUMN_SPACING 12
#define ROW_PADDING     9
#define ICON_SIZE      16
#define ICON_SPACING    6

/* Each column's share of the width left after padding and spacing. */
static const double column_share[CONCIERGE_RESIDENT_N_COLUMNS] = { 0.28, 0.15, 0.19, 0.22, 0.16 };

static void
column_geometry (int      width,
                 gboolean rtl,
                 int      x[CONCIERGE_RESIDENT_N_COLUMNS],
                 int      w[CONCIERGE_RESIDENT_N_COLUMNS])
{
  int available = MAX (0, width - 2 * SIDE_PADDING -
                          (CONCIERGE_RESIDENT_N_COLUMNS - 1) * COLUMN_SPACING);
  int position = SIDE_PADDING;
  int used = 0;

  for (guint i = 0; i < CONCIERGE_RESIDENT_N_COLUMNS; i++)
    {
      /* The last column takes what rounding left over. */
      w[i] = i + 1 < CONCIERGE_RESIDENT_N_COLUMNS ? (int) (available * column_share[i])
                                                  : available - used;
      used += w[i];
      x[i] = rtl ? width - position - w[i] : position;
      position += w[i] + COLUMN_SPACING;
    }
}

static int
minimum_width (void)
{
  return 2 * SIDE_PADDING + (CONCIERGE_RESIDENT_N_COLUMNS - 1) * COLUMN_SPACING +
         CONCIERGE_RESIDENT_N_COLUMNS * 24;
}

/* The row */

struct _ConciergeResidentRow
{
  GtkWidget    parent_instance;

  char        *texts[CONCIERGE_RESIDENT_N_COLUMNS];    /* (owned) (nullable) */
  PangoLayout *layouts[CONCIERGE_RESIDENT_N_COLUMNS];  /* (owned) (nullable): built when drawn */
  gboolean     expired;
};

G_DEFINE_FINAL_TYPE (ConciergeResidentRow, concierge_resident_row, GTK_TYPE_WIDGET)

static void
drop_layouts (ConciergeResidentRow *self)
{
  for (guint i = 0; i < CONCIERGE_RESIDENT_N_COLUMNS; i++)
    g_clear_object (&self->layouts[i]);
}

static PangoLayout *
ensure_layout (ConciergeResidentRow *self,
               guint                 column)
{
  if (self->layouts[column] == NULL)
    {
      self->layouts[column] = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                              self->texts[column]);
      pango_layout_set_ellipsize (self->layouts[column], PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layouts[column], TRUE);
    }

  return self->layouts[column];
}

static int
text_height (ConciergeResidentRow *self)
{
  int height = 0;

  /* Every cell has the same font; the name is never empty. */
  pango_layout_get_pixel_size (ensure_layout (self, CONCIERGE_RESIDENT_COLUMN_NAME), NULL, &height);

  return height;
}

static void
concierge_resident_row_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  ConciergeResidentRow *self = CONCIERGE_RESIDENT_ROW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = minimum_width ();
      *natural = MAX (*minimum, 720);
    }
  else
    {
      *minimum = *natural = MAX (text_height (self), ICON_SIZE) + 2 * ROW_PADDING;
    }
}

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const GdkRGBA   *fallback,
              GdkRGBA         *color)
{
  if (!gtk_style_context_lookup_color (context, name, color))
    *color = *fallback;
}

static void
snapshot_status_icon (ConciergeResidentRow *self,
                      GtkSnapshot          *snapshot,
                      int                   x,
                      int                   y)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  g_autoptr(GtkIconPaintable) icon = NULL;
  GdkRGBA colors[4];
  static const GdkRGBA success = { 0.15, 0.64, 0.41, 1 };
  static const GdkRGBA warning = { 0.61, 0.43, 0.0, 1 };
  static const GdkRGBA error = { 0.75, 0.11, 0.16, 1 };

  icon = gtk_icon_theme_lookup_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (widget)),
                                     self->expired ? "dialog-warning-symbolic" : "object-select-symbolic",
                                     NULL, ICON_SIZE, gtk_widget_get_scale_factor (widget),
                                     gtk_widget_get_direction (widget), 0);

  /* A symbolic icon is drawn in its foreground colour: the status's. */
  lookup_color (context, self->expired ? "warning_color" : "success_color",
                self->expired ? &warning : &success, &colors[0]);
  lookup_color (context, "error_color", &error, &colors[1]);
  lookup_color (context, "warning_color", &warning, &colors[2]);
  lookup_color (context, "success_color", &success, &colors[3]);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                            ICON_SIZE, ICON_SIZE, colors, G_N_ELEMENTS (colors));
  gtk_snapshot_restore (snapshot);
}

static void
concierge_resident_row_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  ConciergeResidentRow *self = CONCIERGE_RESIDENT_ROW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int x[CONCIERGE_RESIDENT_N_COLUMNS];
  int w[CONCIERGE_RESIDENT_N_COLUMNS];
  GdkRGBA color;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  column_geometry (width, rtl, x, w);

  for (guint i = 0; i < CONCIERGE_RESIDENT_N_COLUMNS; i++)
    {
      PangoLayout *layout;
      int text_x = x[i];
      int text_w = w[i];
      int layout_height;

      if (self->texts[i] == NULL || w[i] <= 0)
        continue;

      if (i == CONCIERGE_RESIDENT_COLUMN_STATUS)
        {
          int icon_x = rtl ? x[i] + w[i] - ICON_SIZE : x[i];

          snapshot_status_icon (self, snapshot, icon_x, (height - ICON_SIZE) / 2);
          text_w = MAX (0, w[i] - ICON_SIZE - ICON_SPACING);
          text_x = rtl ? x[i] : x[i] + ICON_SIZE + ICON_SPACING;
        }

      layout = ensure_layout (self, i);
      pango_layout_set_width (layout, text_w * PANGO_SCALE);
      pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      pango_layout_get_pixel_size (layout, NULL, &layout_height);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (text_x, (height - layout_height) / 2));
      gtk_snapshot_append_layout (snapshot, layout, &color);
      gtk_snapshot_restore (snapshot);
    }
}

static void
concierge_resident_row_system_setting_changed (GtkWidget         *widget,
                                               GtkSystemSetting   setting)
{
  ConciergeResidentRow *self = CONCIERGE_RESIDENT_ROW (widget);

  GTK_WIDGET_CLASS (concierge_resident_row_parent_class)->system_setting_changed (widget, setting);

  /* A new font, DPI or font rendering: lay the text out again. */
  drop_layouts (self);
  gtk_widget_queue_resize (widget);
}

static void
concierge_resident_row_direction_changed (GtkWidget        *widget,
                                          GtkTextDirection  previous)
{
  drop_layouts (CONCIERGE_RESIDENT_ROW (widget));
  gtk_widget_queue_draw (widget);
}

static void
concierge_resident_row_finalize (GObject *object)
{
  ConciergeResidentRow *self = CONCIERGE_RESIDENT_ROW (object);

  drop_layouts (self);
  for (guint i = 0; i < CONCIERGE_RESIDENT_N_COLUMNS; i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (concierge_resident_row_parent_class)->finalize (object);
}

static void
concierge_resident_row_class_init (ConciergeResidentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = concierge_resident_row_finalize;
  widget_class->measure = concierge_resident_row_measure;
  widget_class->snapshot = concierge_resident_row_snapshot;
  widget_class->system_setting_changed = concierge_resident_row_system_setting_changed;
  widget_class->direction_changed = concierge_resident_row_direction_changed;

  gtk_widget_class_set_css_name (widget_class, "resident-row");
  /* Its name is its cells, read in order (see set_texts()). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
concierge_resident_row_init (ConciergeResidentRow *self)
{
}

GtkWidget *
concierge_resident_row_new (void)
{
  return g_object_new (CONCIERGE_TYPE_RESIDENT_ROW, NULL);
}

void
concierge_resident_row_set_texts (ConciergeResidentRow *self,
                                  const char           *const texts[CONCIERGE_RESIDENT_N_COLUMNS],
                                  gboolean              expired)
{
  /* Looked up once: a search binds a hundred rows a keystroke, and
   * gettext is not free. */
  static const char *separator = NULL;
  g_autoptr(GString) name = g_string_new (NULL);

  g_return_if_fail (CONCIERGE_IS_RESIDENT_ROW (self));
  g_return_if_fail (texts != NULL);

  if (separator == NULL)
    /* TRANSLATORS: between the cells of a row of the residents list,
     * as a screen reader reads them: "Lindqvist, Anna; 3B; North
     * Tower; +46 70 123 45 67; Valid". */
    separator = C_("list cells", "; ");

  for (guint i = 0; i < CONCIERGE_RESIDENT_N_COLUMNS; i++)
    {
      const char *text = texts[i] != NULL && *texts[i] != '\0' ? texts[i] : NULL;

      if (g_strcmp0 (self->texts[i], text) != 0)
        {
          g_free (self->texts[i]);
          self->texts[i] = g_strdup (text);
          if (self->layouts[i] != NULL)
            pango_layout_set_text (self->layouts[i], text != NULL ? text : "", -1);
        }

      if (text == NULL)
        continue;
      if (name->len > 0)
        g_string_append (name, separator);
      g_string_append (name, text);
    }
  self->expired = !!expired;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
concierge_resident_row_get_text (ConciergeResidentRow    *self,
                                 ConciergeResidentColumn  column)
{
  g_return_val_if_fail (CONCIERGE_IS_RESIDENT_ROW (self), NULL);
  g_return_val_if_fail (column < CONCIERGE_RESIDENT_N_COLUMNS, NULL);

  return self->texts[column];
}

/* The header */

struct _ConciergeResidentHeader
{
  GtkWidget  parent_instance;

  GtkWidget *labels[CONCIERGE_RESIDENT_N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (ConciergeResidentHeader, concierge_resident_header, GTK_TYPE_WIDGET)

static void
concierge_resident_header_measure (GtkWidget      *widget,
                                   GtkOrientation  orientation,
                                   int             for_size,
                                   int            *minimum,
                                   int            *natural,
                                   int            *minimum_baseline,
                                   int            *natural_baseline)
{
  ConciergeResidentHeader *self = CONCIERGE_RESIDENT_HEADER (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = minimum_width ();
      *natural = MAX (*minimum, 720);
      return;
    }

  *minimum = *natural = 0;
  for (guint i = 0; i < CONCIERGE_RESIDENT_N_COLUMNS; i++)
    {
      int child_minimum, child_natural;

      gtk_widget_measure (self->labels[i], GTK_ORIENTATION_VERTICAL, -1,
                          &child_minimum, &child_natural, NULL, NULL);
      *minimum = MAX (*minimum, child_minimum);
      *natural = MAX (*natural, child_natural);
    }
}

static void
concierge_resident_header_size_allocate (GtkWidget *widget,
                                         int        width,
                                         int        height,
                                         int        baseline)
{
  ConciergeResidentHeader *self = CONCIERGE_RESIDENT_HEADER (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int x[CONCIERGE_RESIDENT_N_COLUMNS];
  int w[CONCIERGE_RESIDENT_N_COLUMNS];

  column_geometry (width, rtl, x, w);
  for (guint i = 0; i < CONCIERGE_RESIDENT_N_COLUMNS; i++)
    {
      int minimum;

      /* Labels ellipsize, so their minimum is small; never below it. */
      gtk_widget_measure (self->labels[i], GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      gtk_widget_size_allocate (self->labels[i],
                                &(GtkAllocation) { x[i], 0, MAX (w[i], minimum), height }, -1);
    }
}

static void
concierge_resident_header_dispose (GObject *object)
{
  ConciergeResidentHeader *self = CONCIERGE_RESIDENT_HEADER (object);

  for (guint i = 0; i < CONCIERGE_RESIDENT_N_COLUMNS; i++)
    g_clear_pointer (&self->labels[i], gtk_widget_unparent);

  G_OBJECT_CLASS (concierge_resident_header_parent_class)->dispose (object);
}

static void
concierge_resident_header_class_init (ConciergeResidentHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concierge_resident_header_dispose;
  widget_class->measure = concierge_resident_header_measure;
  widget_class->size_allocate = concierge_resident_header_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "resident-header");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
concierge_resident_header_init (ConciergeResidentHeader *self)
{
  const char *titles[CONCIERGE_RESIDENT_N_COLUMNS] = {
    /* TRANSLATORS: column titles of the residents list. */
    _("Name"), _("Rooms"), _("Building"), _("Phone"), _("Status"),
  };

  for (guint i = 0; i < CONCIERGE_RESIDENT_N_COLUMNS; i++)
    {
      self->labels[i] = gtk_label_new (titles[i]);
      gtk_label_set_xalign (GTK_LABEL (self->labels[i]), 0);
      gtk_label_set_ellipsize (GTK_LABEL (self->labels[i]), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (self->labels[i], "caption-heading");
      gtk_widget_add_css_class (self->labels[i], "dim-label");
      gtk_widget_set_parent (self->labels[i], GTK_WIDGET (self));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Columns"), -1);
}

GtkWidget *
concierge_resident_header_new (void)
{
  return g_object_new (CONCIERGE_TYPE_RESIDENT_HEADER, NULL);
}
