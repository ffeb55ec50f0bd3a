/* concierge-log-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "concierge-call-record.h"
#include "concierge-door-action.h"

G_BEGIN_DECLS

#define CONCIERGE_LOG_STORE_ERROR (concierge_log_store_error_quark ())
GQuark concierge_log_store_error_quark (void);

typedef enum {
  CONCIERGE_LOG_STORE_ERROR_FAILED,
  CONCIERGE_LOG_STORE_ERROR_CLOSED,
  CONCIERGE_LOG_STORE_ERROR_SCHEMA_TOO_NEW,
} ConciergeLogStoreError;

#define CONCIERGE_TYPE_LOG_STORE (concierge_log_store_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeLogStore, concierge_log_store, CONCIERGE, LOG_STORE, GObject)

char *concierge_log_store_default_path (void);

void               concierge_log_store_open_async   (const char           *path,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
ConciergeLogStore *concierge_log_store_open_finish  (GAsyncResult         *result,
                                                     GError              **error);
void               concierge_log_store_close_async  (ConciergeLogStore    *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean           concierge_log_store_close_finish (ConciergeLogStore    *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void               concierge_log_store_flush_async  (ConciergeLogStore    *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean           concierge_log_store_flush_finish (ConciergeLogStore    *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

const char *concierge_log_store_get_path                  (ConciergeLogStore *self);
guint       concierge_log_store_get_unacknowledged_missed (ConciergeLogStore *self);

/* Calls: fire-and-forget, failures are reported by ::write-failed. */
void concierge_log_store_call_started            (ConciergeLogStore *self,
                                                  const char        *record_id,
                                                  const char        *device_name,
                                                  const char        *device_serial,
                                                  const char        *building,
                                                  const char        *room,
                                                  int                call_type,
                                                  GDateTime         *started);
void concierge_log_store_call_answered           (ConciergeLogStore *self,
                                                  const char        *record_id,
                                                  const char        *operator,
                                                  GDateTime         *when);
void concierge_log_store_call_answered_elsewhere (ConciergeLogStore *self,
                                                  const char        *record_id,
                                                  GDateTime         *when);
void concierge_log_store_call_declined           (ConciergeLogStore *self,
                                                  const char        *record_id,
                                                  const char        *operator,
                                                  GDateTime         *when);
void concierge_log_store_call_missed             (ConciergeLogStore *self,
                                                  const char        *record_id,
                                                  GDateTime         *when);
void concierge_log_store_call_ended              (ConciergeLogStore *self,
                                                  const char        *record_id,
                                                  GDateTime         *when);
void concierge_log_store_acknowledge_missed      (ConciergeLogStore *self,
                                                  const char        *record_id);
void concierge_log_store_acknowledge_all_missed  (ConciergeLogStore *self);

/* Door actions: fire-and-forget; call again once the result is known. */
void concierge_log_store_record_door_action (ConciergeLogStore   *self,
                                             ConciergeDoorAction *action);

/* Queries for the log views: newest first; @text, @from and @until may be
 * NULL; @from is inclusive, @until exclusive; @limit < 0 means no limit. */
void        concierge_log_store_query_calls_async         (ConciergeLogStore    *self,
                                                           const char           *text,
                                                           GDateTime            *from,
                                                           GDateTime            *until,
                                                           guint                 offset,
                                                           int                   limit,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
GListModel *concierge_log_store_query_calls_finish        (ConciergeLogStore    *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void        concierge_log_store_query_door_actions_async  (ConciergeLogStore    *self,
                                                           const char           *text,
                                                           GDateTime            *from,
                                                           GDateTime            *until,
                                                           guint                 offset,
                                                           int                   limit,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
GListModel *concierge_log_store_query_door_actions_finish (ConciergeLogStore    *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void        concierge_log_store_list_kept_unlocked_async  (ConciergeLogStore    *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
GListModel *concierge_log_store_list_kept_unlocked_finish (ConciergeLogStore    *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

/* CSV export of a whole query result (no paging). */
void     concierge_log_store_export_calls_async         (ConciergeLogStore    *self,
                                                         const char           *text,
                                                         GDateTime            *from,
                                                         GDateTime            *until,
                                                         GFile                *file,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean concierge_log_store_export_calls_finish        (ConciergeLogStore    *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void     concierge_log_store_export_door_actions_async  (ConciergeLogStore    *self,
                                                         const char           *text,
                                                         GDateTime            *from,
                                                         GDateTime            *until,
                                                         GFile                *file,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean concierge_log_store_export_door_actions_finish (ConciergeLogStore    *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

G_END_DECLS
