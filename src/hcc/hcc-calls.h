/* hcc-calls.h: answering, declining and hanging up door-station calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hcc-client.h"

G_BEGIN_DECLS

/* devcall/v1/call/receive status (catalogue §3.12). */
typedef enum {
  HCC_CALL_ACTION_ANSWER  = 1,
  HCC_CALL_ACTION_DECLINE = 2,
  HCC_CALL_ACTION_HANG_UP = 3,
} HccCallAction;

/* Acts on the call @record_id (DeviceTalkInfo.msgId). @user_id is sent as
 * userId; when NULL the token's userId is used, which is what a call to the
 * management centre (callType 1) needs (T40).
 *
 * The platform's VMS038019 (no such call record) comes out as
 * HCC_ERROR_NOT_FOUND, VMS038027 (already answered elsewhere) and VMS038029
 * (cancelled by the device) as HCC_ERROR_CONFLICT; hcc_error_get_platform_code()
 * tells the two conflicts apart. All three mean: close the call UI. */
void      hcc_calls_act_async   (HccClient            *client,
                                 const char           *record_id,
                                 HccCallAction         action,
                                 const char           *user_id,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
gboolean  hcc_calls_act_finish  (HccClient            *client,
                                 GAsyncResult         *result,
                                 GError              **error);

G_END_DECLS
