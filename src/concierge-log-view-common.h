/* concierge-log-view-common.h: what the call log and door log views share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both logs are the same screen over a different query of the log store:
 * a search entry, a date range, a column view paged by "Load More", an
 * export to CSV and honest empty states. ConciergeLogCore holds that
 * screen's state; each view embeds one, hands it its template children and
 * the store functions of its log, and forwards its template callbacks.
 */

#pragma once

#include <adwaita.h>

#include "concierge-log-store.h"
#include "concierge-session.h"

G_BEGIN_DECLS

typedef void        (*ConciergeLogQueryAsync)   (ConciergeLogStore    *store,
                                                 const char           *text,
                                                 GDateTime            *from,
                                                 GDateTime            *until,
                                                 guint                 offset,
                                                 int                   limit,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
typedef GListModel *(*ConciergeLogQueryFinish)  (ConciergeLogStore    *store,
                                                 GAsyncResult         *result,
                                                 GError              **error);
typedef void        (*ConciergeLogExportAsync)  (ConciergeLogStore    *store,
                                                 const char           *text,
                                                 GDateTime            *from,
                                                 GDateTime            *until,
                                                 GFile                *file,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
typedef gboolean    (*ConciergeLogExportFinish) (ConciergeLogStore    *store,
                                                 GAsyncResult         *result,
                                                 GError              **error);

/* The text of one cell for @item; @icon_name may be set to a symbolic
 * icon shown before it. (transfer full) */
typedef char       *(*ConciergeLogCellFunc)     (gpointer              item,
                                                 const char          **icon_name);

typedef struct {
  ConciergeLogQueryAsync    query_async;
  ConciergeLogQueryFinish   query_finish;
  ConciergeLogExportAsync   export_async;
  ConciergeLogExportFinish  export_finish;
  const char               *changed_signal;  /* "calls-changed" */
  GType                     item_type;
  /* Rows that need the operator's attention get the "log-attention" class
   * on every cell; NULL: none do. */
  gboolean                (*needs_attention) (gpointer item);
  /* The time the log is sorted by (newest first). */
  GDateTime              *(*item_time) (gpointer item);
  const char               *empty_icon;
  const char               *empty_title;       /* translated */
  const char               *empty_description; /* translated */
  const char               *no_match_title;    /* translated */
  const char               *file_prefix;       /* "concierge-calls" */
  const char               *export_title;      /* translated, the file chooser's title */
} ConciergeLogOps;

typedef struct {
  GtkWidget             *owner;          /* (unowned) the view */
  const ConciergeLogOps *ops;

  /* Template children of the view (unowned). */
  AdwToastOverlay  *toast_overlay;
  GtkSearchEntry   *search_entry;
  GtkMenuButton    *from_button;
  GtkCalendar      *from_calendar;
  GtkMenuButton    *until_button;
  GtkCalendar      *until_calendar;
  GtkLabel         *date_error;
  GtkButton        *export_button;
  GtkStack         *stack;
  AdwStatusPage    *status_page;
  GtkButton        *retry_button;
  GtkColumnView    *column_view;
  GtkButton        *more_button;

  GListStore        *items;         /* (owned) what the column view shows */
  ConciergeSession  *session;       /* (owned) (nullable) */
  ConciergeLogStore *store;         /* (owned) (nullable) */
  GCancellable      *cancellable;   /* (owned) cancelled on session change and dispose */
  GCancellable      *query;         /* (owned) (nullable) the query in flight */
  GtkNativeDialog   *chooser;       /* (owned) (nullable) */
  GDateTime         *from;          /* (owned) (nullable) local midnight, inclusive */
  GDateTime         *until;         /* (owned) (nullable) local midnight after the last day, exclusive */
  gboolean           has_more;
  guint              n_requests;    /* queries and exports in flight */
} ConciergeLogCore;

void        concierge_log_core_init          (ConciergeLogCore      *core,
                                              GtkWidget             *owner,
                                              const ConciergeLogOps *ops);
/* Follows @session's log store (NULL: not connected) and reloads. */
void        concierge_log_core_set_session   (ConciergeLogCore      *core,
                                              ConciergeSession      *session);
void        concierge_log_core_dispose       (ConciergeLogCore      *core);

/* Runs the query again with the current filters, keeping as many rows as
 * are shown (at least one page). */
void        concierge_log_core_reload        (ConciergeLogCore      *core);
void        concierge_log_core_load_more     (ConciergeLogCore      *core);
void        concierge_log_core_search_changed (ConciergeLogCore     *core);
/* A day was picked in the "from" or the "until" calendar. */
void        concierge_log_core_from_picked   (ConciergeLogCore      *core);
void        concierge_log_core_until_picked  (ConciergeLogCore      *core);
void        concierge_log_core_clear_from    (ConciergeLogCore      *core);
void        concierge_log_core_clear_until   (ConciergeLogCore      *core);
/* Sets the range by day (local time zone; NULL: open end); @until is the
 * last day included. */
void        concierge_log_core_set_dates     (ConciergeLogCore      *core,
                                              GDateTime             *from,
                                              GDateTime             *until);
/* Opens the file chooser and exports what the filters select. */
void        concierge_log_core_export        (ConciergeLogCore      *core);
/* The export itself, to @file, off the main thread (the test path). */
void        concierge_log_core_export_async  (ConciergeLogCore      *core,
                                              GFile                 *file,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
gboolean    concierge_log_core_export_finish (ConciergeLogCore      *core,
                                              GAsyncResult          *result,
                                              GError               **error);
/* "concierge-calls-2026-11-25.csv" for today. (transfer full) */
char       *concierge_log_core_suggested_name (ConciergeLogCore     *core);

void        concierge_log_core_toast         (ConciergeLogCore      *core,
                                              const char            *text);

/* Adds a column of text cells to the core's column view. */
GtkColumnViewColumn *concierge_log_core_add_column (ConciergeLogCore     *core,
                                                    const char           *title,
                                                    ConciergeLogCellFunc  func,
                                                    gboolean              expand);

/* "2026-11-25 14:02" in local time, "" for NULL. (transfer full) */
char       *concierge_log_format_time        (GDateTime             *time);

G_END_DECLS
