/* concierge-pass-editor.h: the dialog that creates or edits a visitor pass
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hcc.h"

G_BEGIN_DECLS

#define CONCIERGE_TYPE_PASS_EDITOR (concierge_pass_editor_get_type ())

G_DECLARE_FINAL_TYPE (ConciergePassEditor, concierge_pass_editor, CONCIERGE, PASS_EDITOR, AdwWindow)

/* A modal dialog on @parent. @access_levels (HccAccessLevel, nullable):
 * the levels to offer, e.g. the directory's cached ones; when NULL or
 * empty the dialog asks the platform. With @pass NULL it creates a new
 * pass; else
 * it edits a copy of @pass and changes @pass only once the platform
 * accepted the update. Emits "saved" (HccPass *pass) and closes after a
 * successful save; a refused save keeps the dialog open with every value. */
ConciergePassEditor *concierge_pass_editor_new       (GtkWindow  *parent,
                                                      HccClient  *client,
                                                      GListModel *access_levels,
                                                      HccPass    *pass);

/* (nullable) The pass being edited, or NULL for a new one. */
HccPass             *concierge_pass_editor_get_pass  (ConciergePassEditor *self);

G_END_DECLS
