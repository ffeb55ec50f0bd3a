/* concierge-resident-editor-private.h: helpers shared with the residents view, and test hooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "concierge-resident-editor.h"

G_BEGIN_DECLS

/* A new HccResident with the same fields and a new list of the same rooms,
 * so an edit never changes the directory's object before the platform
 * accepted it. (transfer full) */
HccResident *_concierge_resident_copy              (HccResident             *resident);
/* The human name of an invitation-language code ("de": "German"), or the
 * code itself when unknown; NULL for NULL or "". */
const char  *_concierge_resident_language_name     (const char              *code);
/* A room as the desk names it: its name, else "Room 101". (transfer full) */
char        *_concierge_resident_room_label        (HccRoom                 *room);

/* Test hooks. @field is the request field ("firstName", "lastName",
 * "phone", "email", "startDate", "endDate", "roomList", "language"). */
GtkEditable *_concierge_resident_editor_get_entry   (ConciergeResidentEditor *self,
                                                     const char              *field);
/* The message under @field (NULL field: the one at the top); "" when none. */
const char  *_concierge_resident_editor_get_message (ConciergeResidentEditor *self,
                                                     const char              *field);
GtkWidget   *_concierge_resident_editor_get_save    (ConciergeResidentEditor *self);
/* Picks a room as the user does with the building and room lists. */
gboolean     _concierge_resident_editor_add_room    (ConciergeResidentEditor *self,
                                                     const char              *room_id);
/* Whether a save is in flight. */
gboolean     _concierge_resident_editor_get_saving  (ConciergeResidentEditor *self);

G_END_DECLS
