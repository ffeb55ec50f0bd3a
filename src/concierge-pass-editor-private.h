/* concierge-pass-editor-private.h: the editor's fields, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "concierge-pass-editor.h"

G_BEGIN_DECLS

typedef struct {
  AdwEntryRow    *name_row;
  GtkLabel       *name_counter;
  GtkLabel       *name_message;
  GtkSpinButton  *open_spin;
  GtkLabel       *open_message;
  GtkCalendar    *start_calendar;
  GtkSpinButton  *start_hour;
  GtkSpinButton  *start_minute;
  GtkCalendar    *end_calendar;
  GtkSpinButton  *end_hour;
  GtkSpinButton  *end_minute;
  GtkLabel       *validity_message;
  GtkListBox     *levels_list;
  GtkLabel       *levels_message;
  GtkLabel       *form_message;
  GtkWidget      *save_button;
  GtkWidget      *cancel_button;
} ConciergePassEditorFields;

void      concierge_pass_editor_get_fields     (ConciergePassEditor       *self,
                                                ConciergePassEditorFields *fields);
/* Whether the access levels (and, when editing, the pass's own) loaded. */
gboolean  concierge_pass_editor_get_ready      (ConciergePassEditor       *self);
gboolean  concierge_pass_editor_get_saving     (ConciergePassEditor       *self);
/* Checks the level with @level_id in the list. */
void      concierge_pass_editor_set_level      (ConciergePassEditor       *self,
                                                const char                *level_id,
                                                gboolean                   active);

G_END_DECLS
