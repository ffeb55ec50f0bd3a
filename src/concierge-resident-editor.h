/* concierge-resident-editor.h: the dialog that adds or edits a resident
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A modal window with Cancel and Save in its header bar. The guide's limits
 * are checked as the user types, with the message under the field; the
 * platform's refusals are shown next to the field they are about. On a
 * successful save the directory is told (concierge_directory_resident_saved)
 * and the window closes; a failed save keeps everything typed.
 *
 * Set a transient parent with gtk_window_set_transient_for() and present it.
 */

#pragma once

#include <adwaita.h>

#include "concierge-session.h"
#include "hcc.h"

G_BEGIN_DECLS

#define CONCIERGE_TYPE_RESIDENT_EDITOR (concierge_resident_editor_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeResidentEditor, concierge_resident_editor, CONCIERGE, RESIDENT_EDITOR, AdwWindow)

/* A new resident, no room chosen yet. */
GtkWindow   *concierge_resident_editor_new_add      (ConciergeSession *session);
/* A new resident, pre-filled with @room (more rooms may be added). */
GtkWindow   *concierge_resident_editor_new_for_room (ConciergeSession *session,
                                                     HccRoom          *room);
/* Edits a copy of @resident; the resident itself changes only through the
 * directory once the platform accepted the update. */
GtkWindow   *concierge_resident_editor_new_edit     (ConciergeSession *session,
                                                     HccResident      *resident);

/* (nullable): the resident as last saved, with its ID; NULL before a save. */
HccResident *concierge_resident_editor_get_saved    (ConciergeResidentEditor *self);

G_END_DECLS
