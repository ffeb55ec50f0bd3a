/* hcc-passes.h: temporary passes (tempauth) and the access levels they open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hcc-access-level.h"
#include "hcc-client.h"
#include "hcc-pass.h"

G_BEGIN_DECLS

/* HccPass:dynamic. The platform never says whether a QR code is dynamic
 * (§13.9); a code is known to be dynamic once two consecutive gets of the
 * same pass returned different codes. */
typedef enum {
  HCC_PASS_DYNAMIC_UNKNOWN = -1,
  HCC_PASS_DYNAMIC_YES     = 1,
} HccPassDynamic;

/* Passes whose name or creator matches @query, all when NULL
 * (vims/v1/tempauth/list). GListModel of HccPass, without QR codes. */
void         hcc_passes_list_async           (HccClient            *client,
                                              const char           *query,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GListModel  *hcc_passes_list_finish          (HccClient            *client,
                                              GAsyncResult         *result,
                                              GError              **error);

/* One pass with its PIN and QR code (vims/v1/tempauth/get). */
void         hcc_passes_get_async            (HccClient            *client,
                                              const char           *pass_id,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
HccPass     *hcc_passes_get_finish           (HccClient            *client,
                                              GAsyncResult         *result,
                                              GError              **error);

/* Gets @pass again and updates it in place: a QR code that changed since
 * the previous get marks the pass dynamic. Call it about every 50 s while
 * a dynamic code is on screen. */
void         hcc_passes_refresh_async        (HccClient            *client,
                                              HccPass              *pass,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean     hcc_passes_refresh_finish       (HccClient            *client,
                                              GAsyncResult         *result,
                                              GError              **error);

/* The guide's limits: a name of 1-32 characters, 1-200 entries per door,
 * a validity with a start before its end. HCC_ERROR_VALIDATION with the
 * field named (hcc_error_get_field()). */
gboolean     hcc_passes_validate             (HccPass              *pass,
                                              GError              **error);

/* vims/v1/tempauth/add. On success @pass gets its id, PIN and QR code. */
void         hcc_passes_add_async            (HccClient            *client,
                                              HccPass              *pass,
                                              const char * const   *access_level_ids,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean     hcc_passes_add_finish           (HccClient            *client,
                                              GAsyncResult         *result,
                                              GError              **error);

/* vims/v1/tempauth/update of every field of @pass. */
void         hcc_passes_update_async         (HccClient            *client,
                                              HccPass              *pass,
                                              const char * const   *access_level_ids,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean     hcc_passes_update_finish        (HccClient            *client,
                                              GAsyncResult         *result,
                                              GError              **error);

/* vims/v1/tempauth/delete. */
void         hcc_passes_delete_async         (HccClient            *client,
                                              const char * const   *pass_ids,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean     hcc_passes_delete_finish        (HccClient            *client,
                                              GAsyncResult         *result,
                                              GError              **error);

/* Every access level (acspm/v1/accesslevel/list). GListModel of
 * HccAccessLevel. */
void         hcc_access_levels_list_async    (HccClient            *client,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GListModel  *hcc_access_levels_list_finish   (HccClient            *client,
                                              GAsyncResult         *result,
                                              GError              **error);

/* Fills @pass from a TempAuth object of any reply. Decodes the QR code:
 * image bytes when they are a PNG, JPEG or GIF (T41), else text. Exposed
 * for tests and for other replies carrying a pass. */
gboolean     hcc_pass_update_from_json       (HccPass              *pass,
                                              JsonObject           *object,
                                              GError              **error);

/* An AccessLevelInfo of accesslevel/list,
 * read with every spelling the guide uses, through the same table as the
 * lists. (transfer full) */
HccAccessLevel *hcc_passes_parse_access_level (JsonObject  *object,
                                               GError     **error);

G_END_DECLS
