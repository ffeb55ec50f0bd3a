/* concierge-log-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-log-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "concierge-csv.h"
#include "concierge-directory.h"
#include "concierge-log-store.h"
#include "concierge-sqlite-worker.h"

/* Threading rule: every sqlite3 call happens on the store's
 * ConciergeSqliteWorker thread. The main thread only queues jobs, which
 * never waits for the database; a finished job comes back to the store's
 * main context, where GTasks are returned and signals emitted. No job
 * holds a strong reference to the store (a job's task has it as its
 * source object only while the caller waits): GTask callbacks and the
 * final unref of the store therefore always happen on the main thread. */

enum {
  CHANGED_CALLS = 1 << 0,
  CHANGED_DOORS = 1 << 1,
};

typedef struct _LogJob LogJob;
typedef void (*LogJobCompleteFunc) (ConciergeLogStore *self,
                                    GTask             *task,
                                    LogJob            *job,
                                    GError            *error);

/* What a job of the store takes to the worker and brings back. */
struct _LogJob
{
  gpointer            input;           /* (owned) (nullable): a CallWrite, DoorWrite or Query */
  GDestroyNotify      input_free;
  LogJobCompleteFunc  complete;        /* (nullable): replaces the default */

  /* Results, written by the worker, read on the main thread. */
  gpointer            result;          /* (owned) (nullable) */
  GDestroyNotify      result_free;
  guint               changed;
  gint64              unacknowledged;  /* -1 when not computed */
};

/* The parameters of a write to the call log. */
typedef enum {
  CALL_STARTED,
  CALL_ANSWERED,
  CALL_ANSWERED_ELSEWHERE,
  CALL_DECLINED,
  CALL_MISSED,
  CALL_ENDED,
  CALL_ACKNOWLEDGE,
  CALL_ACKNOWLEDGE_ALL,
} CallWriteKind;

typedef struct
{
  CallWriteKind  kind;
  char          *record_id;
  char          *device_name;
  char          *device_serial;
  char          *building;
  char          *room;
  char          *operator;
  int            call_type;
  gint64         time;
} CallWrite;

typedef struct
{
  char    *uuid;
  gint64   time;
  char    *operator;
  char    *door_id;
  char    *door_name;
  int      kind;
  char    *reason;
  int      source;
  char    *call_record_id;
  int      result;
  char    *error_code;
  char    *error_message;
} DoorWrite;

typedef struct
{
  char     *folded;   /* (nullable): the typed text, folded as the search folds rows */
  gint64    from;     /* G_MININT64 when unbounded */
  gint64    until;    /* G_MAXINT64 when unbounded */
  gint64    offset;
  gint64    limit;
  GFile    *file;     /* (owned) (nullable): export target */
} Query;

struct _ConciergeLogStore
{
  GObject                parent_instance;

  ConciergeSqliteWorker *worker;          /* (owned) (nullable): NULL once disposed */
  guint                  unacknowledged;
};

G_DEFINE_FINAL_TYPE (ConciergeLogStore, concierge_log_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (concierge-log-store-error-quark, concierge_log_store_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_UNACKNOWLEDGED_MISSED,
  N_PROPS
};

enum {
  WRITE_FAILED,
  CALLS_CHANGED,
  DOOR_ACTIONS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define CALL_COLUMNS \
  "record_id, device_name, device_serial, building, room, call_type, started, " \
  "outcome, operator, answered, ended, acknowledged"

#define DOOR_COLUMNS \
  "uuid, time, operator, door_id, door_name, action, reason, source, call_record_id, " \
  "result, error_code, error_message"

/* What a search looks in, folded in one call per row. The fields are
 * joined by newlines, which nobody types, so a match never spans two. */
#define CALL_SEARCH_TEXT \
  "concierge_fold (device_name || char (10) || device_serial || char (10) || building" \
  "                || char (10) || room || char (10) || ifnull (operator, ''))"

#define DOOR_SEARCH_TEXT \
  "concierge_fold (door_name || char (10) || door_id || char (10) || operator" \
  "                || char (10) || ifnull (reason, ''))"

/* The schema, one step per version: migrations[n] turns version n into n+1.
 * Times are microseconds since the Unix epoch in UTC, so they sort and
 * compare as integers and survive a change of the desk's time zone. */
static const char * const migrations[] = {
  /* 0 -> 1 */
  "CREATE TABLE calls ("
  "  record_id     TEXT PRIMARY KEY NOT NULL,"
  "  details       INTEGER NOT NULL DEFAULT 1,"
  "  device_name   TEXT NOT NULL DEFAULT '',"
  "  device_serial TEXT NOT NULL DEFAULT '',"
  "  building      TEXT NOT NULL DEFAULT '',"
  "  room          TEXT NOT NULL DEFAULT '',"
  "  call_type     INTEGER NOT NULL DEFAULT 1,"
  "  started       INTEGER NOT NULL,"
  "  outcome       INTEGER NOT NULL DEFAULT 0,"
  "  operator      TEXT,"
  "  answered      INTEGER,"
  "  ended         INTEGER,"
  "  acknowledged  INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX calls_by_started ON calls (started);"
  "CREATE INDEX calls_by_outcome ON calls (outcome, acknowledged);"
  "CREATE TABLE door_actions ("
  "  id             INTEGER PRIMARY KEY,"
  "  uuid           TEXT NOT NULL UNIQUE,"
  "  time           INTEGER NOT NULL,"
  "  operator       TEXT NOT NULL DEFAULT '',"
  "  door_id        TEXT NOT NULL DEFAULT '',"
  "  door_name      TEXT NOT NULL DEFAULT '',"
  "  action         INTEGER NOT NULL,"
  "  reason         TEXT,"
  "  source         INTEGER NOT NULL DEFAULT 0,"
  "  call_record_id TEXT,"
  "  result         INTEGER NOT NULL DEFAULT 0,"
  "  error_code     TEXT,"
  "  error_message  TEXT"
  ");"
  "CREATE INDEX door_actions_by_time ON door_actions (time);"
  "CREATE INDEX door_actions_by_door ON door_actions (door_id, result, id);",
};

static void
log_job_free (LogJob *job)
{
  if (job->input_free != NULL)
    g_clear_pointer (&job->input, job->input_free);
  if (job->result_free != NULL)
    g_clear_pointer (&job->result, job->result_free);
  g_free (job);
}

static void
call_write_free (gpointer data)
{
  CallWrite *w = data;

  g_free (w->record_id);
  g_free (w->device_name);
  g_free (w->device_serial);
  g_free (w->building);
  g_free (w->room);
  g_free (w->operator);
  g_free (w);
}

static void
door_write_free (gpointer data)
{
  DoorWrite *w = data;

  g_free (w->uuid);
  g_free (w->operator);
  g_free (w->door_id);
  g_free (w->door_name);
  g_free (w->reason);
  g_free (w->call_record_id);
  g_free (w->error_code);
  g_free (w->error_message);
  g_free (w);
}

static void
query_free (gpointer data)
{
  Query *q = data;

  g_free (q->folded);
  g_clear_object (&q->file);
  g_free (q);
}

static gint64
time_or_now (GDateTime *time)
{
  g_autoptr(GDateTime) now = NULL;

  if (time != NULL)
    return concierge_sqlite_time_to_usec (time);

  now = g_date_time_new_now_utc ();
  return concierge_sqlite_time_to_usec (now);
}

/* concierge_fold(text): the text folded as the directory's search folds it
 * (case and accents aside, "Öztürk" -> "ozturk"), so the log's search finds
 * what the user types without accents; SQLite's own LIKE folds ASCII only.
 * Deterministic: the same text always folds the same way, so SQLite may
 * reuse a result, and a later schema may keep folded text in an index. */
static void
fold_sql (sqlite3_context  *context,
          int               argc,
          sqlite3_value   **argv)
{
  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  sqlite3_result_text (context,
                       concierge_directory_fold ((const char *) sqlite3_value_text (argv[0])),
                       -1, g_free);
}

static gboolean
register_functions (sqlite3  *db,
                    GError  **error)
{
  if (sqlite3_create_function_v2 (db, "concierge_fold", 1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                  NULL, fold_sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, CONCIERGE_LOG_STORE_ERROR, CONCIERGE_LOG_STORE_ERROR_FAILED,
                   "%s: %s", _("Could not use the log database"), sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           gint64        usec)
{
  if (usec != 0)
    sqlite3_bind_int64 (stmt, index, usec);
  else
    sqlite3_bind_null (stmt, index);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static GDateTime *
column_time (sqlite3_stmt *stmt,
             int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return concierge_sqlite_time_from_usec (sqlite3_column_int64 (stmt, column));
}

static void
count_unacknowledged (ConciergeSqliteWorker *worker,
                      LogJob                *job)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  stmt = concierge_sqlite_worker_statement (worker, "SELECT count(*) FROM calls "
                                                    "WHERE outcome = 4 AND acknowledged = 0",
                                            &error);
  if (stmt == NULL)
    {
      g_debug ("%s", error->message);
      return;
    }

  if (sqlite3_step (stmt) == SQLITE_ROW)
    job->unacknowledged = sqlite3_column_int64 (stmt, 0);
  else
    g_debug ("Counting missed calls: %s", sqlite3_errmsg (sqlite3_db_handle (stmt)));
  concierge_sqlite_worker_release (stmt);
}

/* The open job: the worker opened the database before it runs; the badge
 * starts from what is on disk. */
static void
open_run (ConciergeSqliteWorker  *worker,
          sqlite3                *db,
          gpointer                data,
          GError                **error)
{
  count_unacknowledged (worker, data);
}

/* Once per committed batch; the count goes out with the batch's last job. */
static void
batch_committed (ConciergeSqliteWorker  *worker,
                 sqlite3                *db,
                 gpointer               *data,
                 guint                   n_data)
{
  gboolean calls_changed = FALSE;

  for (guint i = 0; i < n_data; i++)
    calls_changed |= (((LogJob *) data[i])->changed & CHANGED_CALLS) != 0;

  if (calls_changed)
    count_unacknowledged (worker, data[n_data - 1]);
}

static const ConciergeSqliteSchema log_schema = {
  .thread_name = "concierge-log",
  .migrations = migrations,
  .n_migrations = G_N_ELEMENTS (migrations),
  .error_quark = concierge_log_store_error_quark,
  .error_failed = CONCIERGE_LOG_STORE_ERROR_FAILED,
  .error_too_new = CONCIERGE_LOG_STORE_ERROR_SCHEMA_TOO_NEW,
  .error_closed = CONCIERGE_LOG_STORE_ERROR_CLOSED,
  .failed_label = N_("Could not use the log database"),
  .too_new_message = N_("The log database was written by a newer version of Concierge"),
  .closed_message = N_("The log database is closed"),
  .setup = register_functions,
  .batch_committed = batch_committed,
};

static void
call_write_run (ConciergeSqliteWorker  *worker,
               sqlite3                *db,
               gpointer                data,
               GError                **error)
{
  LogJob *job = data;
  CallWrite *w = job->input;
  sqlite3_stmt *stmt = NULL;
  const char *sql = NULL;
  int outcome = CONCIERGE_CALL_OUTCOME_RINGING;
  gint64 answered = 0;
  gint64 ended = 0;

  switch (w->kind)
    {
    case CALL_STARTED:
      /* The event stream may repeat: a second "ringing" for a known call
       * changes nothing. It only fills in the details of a row that an
       * outcome event created before the ring was seen. */
      sql = "INSERT INTO calls (record_id, device_name, device_serial, building, room, "
            "                   call_type, started) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
            "ON CONFLICT (record_id) DO UPDATE SET "
            "  details = 1, device_name = excluded.device_name, "
            "  device_serial = excluded.device_serial, building = excluded.building, "
            "  room = excluded.room, call_type = excluded.call_type, "
            "  started = min(calls.started, excluded.started) "
            "WHERE calls.details = 0";
      stmt = concierge_sqlite_worker_statement (worker, sql, error);
      if (stmt == NULL)
        return;
      bind_text (stmt, 1, w->record_id);
      bind_text (stmt, 2, w->device_name != NULL ? w->device_name : "");
      bind_text (stmt, 3, w->device_serial != NULL ? w->device_serial : "");
      bind_text (stmt, 4, w->building != NULL ? w->building : "");
      bind_text (stmt, 5, w->room != NULL ? w->room : "");
      sqlite3_bind_int (stmt, 6, w->call_type);
      sqlite3_bind_int64 (stmt, 7, w->time);
      break;

    case CALL_ANSWERED:
    case CALL_ANSWERED_ELSEWHERE:
    case CALL_DECLINED:
    case CALL_MISSED:
      if (w->kind == CALL_ANSWERED)
        outcome = CONCIERGE_CALL_OUTCOME_ANSWERED;
      else if (w->kind == CALL_ANSWERED_ELSEWHERE)
        outcome = CONCIERGE_CALL_OUTCOME_ANSWERED_ELSEWHERE;
      else if (w->kind == CALL_DECLINED)
        outcome = CONCIERGE_CALL_OUTCOME_DECLINED;
      else
        outcome = CONCIERGE_CALL_OUTCOME_MISSED;

      /* Answered calls run on until a hang-up; the others end here. */
      if (w->kind == CALL_ANSWERED || w->kind == CALL_ANSWERED_ELSEWHERE)
        answered = w->time;
      else
        ended = w->time;

      /* The first outcome wins: a repeated or late event (the device's
       * "cancelled" after someone answered) never rewrites history. */
      sql = "INSERT INTO calls (record_id, details, started, outcome, operator, answered, ended) "
            "VALUES (?1, 0, ?2, ?3, ?4, ?5, ?6) "
            "ON CONFLICT (record_id) DO UPDATE SET "
            "  outcome = excluded.outcome, operator = excluded.operator, "
            "  answered = excluded.answered, ended = excluded.ended "
            "WHERE calls.outcome = 0";
      stmt = concierge_sqlite_worker_statement (worker, sql, error);
      if (stmt == NULL)
        return;
      bind_text (stmt, 1, w->record_id);
      sqlite3_bind_int64 (stmt, 2, w->time);
      sqlite3_bind_int (stmt, 3, outcome);
      bind_text (stmt, 4, w->operator);
      bind_time (stmt, 5, answered);
      bind_time (stmt, 6, ended);
      break;

    case CALL_ENDED:
      /* A hang-up ends an answered call; before anyone answered it means
       * the visitor or the device gave up: a missed call. */
      sql = "INSERT INTO calls (record_id, details, started, outcome, ended) "
            "VALUES (?1, 0, ?2, 4, ?2) "
            "ON CONFLICT (record_id) DO UPDATE SET "
            "  outcome = CASE WHEN calls.outcome = 0 THEN 4 ELSE calls.outcome END, "
            "  ended = excluded.ended "
            "WHERE calls.ended IS NULL";
      stmt = concierge_sqlite_worker_statement (worker, sql, error);
      if (stmt == NULL)
        return;
      bind_text (stmt, 1, w->record_id);
      sqlite3_bind_int64 (stmt, 2, w->time);
      break;

    case CALL_ACKNOWLEDGE:
      sql = "UPDATE calls SET acknowledged = 1 "
            "WHERE record_id = ?1 AND outcome = 4 AND acknowledged = 0";
      stmt = concierge_sqlite_worker_statement (worker, sql, error);
      if (stmt == NULL)
        return;
      bind_text (stmt, 1, w->record_id);
      break;

    case CALL_ACKNOWLEDGE_ALL:
      sql = "UPDATE calls SET acknowledged = 1 WHERE outcome = 4 AND acknowledged = 0";
      stmt = concierge_sqlite_worker_statement (worker, sql, error);
      if (stmt == NULL)
        return;
      break;

    default:
      g_assert_not_reached ();
    }

  if (!concierge_sqlite_worker_step_done (worker, stmt, error))
    return;

  if (sqlite3_changes (db) > 0)
    job->changed |= CHANGED_CALLS;
}

static void
door_write_run (ConciergeSqliteWorker  *worker,
               sqlite3                *db,
               gpointer                data,
               GError                **error)
{
  LogJob *job = data;
  DoorWrite *w = job->input;
  sqlite3_stmt *stmt;

  /* Keyed by the uuid made on the desk: the first call inserts the action
   * (usually still pending), later calls only update its result. */
  stmt = concierge_sqlite_worker_statement (worker,
                  "INSERT INTO door_actions (" DOOR_COLUMNS ") "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                  "ON CONFLICT (uuid) DO UPDATE SET "
                  "  result = excluded.result, error_code = excluded.error_code, "
                  "  error_message = excluded.error_message "
                  "WHERE door_actions.result IS NOT excluded.result "
                  "   OR door_actions.error_code IS NOT excluded.error_code "
                  "   OR door_actions.error_message IS NOT excluded.error_message",
                  error);
  if (stmt == NULL)
    return;

  bind_text (stmt, 1, w->uuid);
  sqlite3_bind_int64 (stmt, 2, w->time);
  bind_text (stmt, 3, w->operator != NULL ? w->operator : "");
  bind_text (stmt, 4, w->door_id != NULL ? w->door_id : "");
  bind_text (stmt, 5, w->door_name != NULL ? w->door_name : "");
  sqlite3_bind_int (stmt, 6, w->kind);
  bind_text (stmt, 7, w->reason);
  sqlite3_bind_int (stmt, 8, w->source);
  bind_text (stmt, 9, w->call_record_id);
  sqlite3_bind_int (stmt, 10, w->result);
  bind_text (stmt, 11, w->error_code);
  bind_text (stmt, 12, w->error_message);

  if (concierge_sqlite_worker_step_done (worker, stmt, error) && sqlite3_changes (db) > 0)
    job->changed |= CHANGED_DOORS;
}

static ConciergeCallRecord *
call_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) started = column_time (stmt, 6);
  g_autoptr(GDateTime) answered = column_time (stmt, 9);
  g_autoptr(GDateTime) ended = column_time (stmt, 10);

  return g_object_new (CONCIERGE_TYPE_CALL_RECORD,
                       "record-id", column_text (stmt, 0),
                       "device-name", column_text (stmt, 1),
                       "device-serial", column_text (stmt, 2),
                       "building", column_text (stmt, 3),
                       "room", column_text (stmt, 4),
                       "call-type", sqlite3_column_int (stmt, 5),
                       "started", started,
                       "outcome", CLAMP (sqlite3_column_int (stmt, 7),
                                         CONCIERGE_CALL_OUTCOME_RINGING,
                                         CONCIERGE_CALL_OUTCOME_MISSED),
                       "operator", column_text (stmt, 8),
                       "answered", answered,
                       "ended", ended,
                       "acknowledged", sqlite3_column_int (stmt, 11) != 0,
                       NULL);
}

static ConciergeDoorAction *
door_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) time = column_time (stmt, 1);

  return g_object_new (CONCIERGE_TYPE_DOOR_ACTION,
                       "uuid", column_text (stmt, 0),
                       "time", time,
                       "operator", column_text (stmt, 2),
                       "door-id", column_text (stmt, 3),
                       "door-name", column_text (stmt, 4),
                       "kind", CLAMP (sqlite3_column_int (stmt, 5),
                                      CONCIERGE_DOOR_ACTION_UNLOCK,
                                      CONCIERGE_DOOR_ACTION_KEEP_LOCKED),
                       "reason", column_text (stmt, 6),
                       "source", CLAMP (sqlite3_column_int (stmt, 7),
                                        CONCIERGE_DOOR_ACTION_SOURCE_DOORS_VIEW,
                                        CONCIERGE_DOOR_ACTION_SOURCE_CALL),
                       "call-record-id", column_text (stmt, 8),
                       "result", CLAMP (sqlite3_column_int (stmt, 9),
                                        CONCIERGE_DOOR_ACTION_RESULT_PENDING,
                                        CONCIERGE_DOOR_ACTION_RESULT_FAILED),
                       "error-code", column_text (stmt, 10),
                       "error-message", column_text (stmt, 11),
                       NULL);
}

/* Runs a SELECT and turns every row into an object. The GListStore is made
 * here but only used by the main thread once the job is handed back. */
static GListStore *
collect_rows (ConciergeSqliteWorker  *worker,
              sqlite3_stmt           *stmt,
              GType                   item_type,
              GError                **error)
{
  g_autoptr(GListStore) store = g_list_store_new (item_type);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GObject) item = NULL;

      if (item_type == CONCIERGE_TYPE_CALL_RECORD)
        item = G_OBJECT (call_from_row (stmt));
      else
        item = G_OBJECT (door_from_row (stmt));
      g_list_store_append (store, item);
    }

  if (rc != SQLITE_DONE)
    concierge_sqlite_worker_set_error (worker, error);
  concierge_sqlite_worker_release (stmt);

  return rc == SQLITE_DONE ? g_steal_pointer (&store) : NULL;
}

static void
bind_query (sqlite3_stmt *stmt,
            Query        *q)
{
  bind_text (stmt, 1, q->folded);
  sqlite3_bind_int64 (stmt, 2, q->from);
  sqlite3_bind_int64 (stmt, 3, q->until);
  sqlite3_bind_int64 (stmt, 4, q->limit);
  sqlite3_bind_int64 (stmt, 5, q->offset);
}

static GListStore *
select_calls (ConciergeSqliteWorker  *worker,
              Query                  *q,
              GError                **error)
{
  sqlite3_stmt *stmt;

  stmt = concierge_sqlite_worker_statement (worker,
                  "SELECT " CALL_COLUMNS " FROM calls "
                  "WHERE (?1 IS NULL OR instr (" CALL_SEARCH_TEXT ", ?1) > 0)"
                  "  AND started >= ?2 AND started < ?3 "
                  "ORDER BY started DESC, record_id DESC "
                  "LIMIT ?4 OFFSET ?5",
                  error);
  if (stmt == NULL)
    return NULL;

  bind_query (stmt, q);
  return collect_rows (worker, stmt, CONCIERGE_TYPE_CALL_RECORD, error);
}

static GListStore *
select_door_actions (ConciergeSqliteWorker  *worker,
                     Query                  *q,
                     GError                **error)
{
  sqlite3_stmt *stmt;

  stmt = concierge_sqlite_worker_statement (worker,
                  "SELECT " DOOR_COLUMNS " FROM door_actions "
                  "WHERE (?1 IS NULL OR instr (" DOOR_SEARCH_TEXT ", ?1) > 0)"
                  "  AND time >= ?2 AND time < ?3 "
                  "ORDER BY time DESC, id DESC "
                  "LIMIT ?4 OFFSET ?5",
                  error);
  if (stmt == NULL)
    return NULL;

  bind_query (stmt, q);
  return collect_rows (worker, stmt, CONCIERGE_TYPE_DOOR_ACTION, error);
}

static void
query_calls_run (ConciergeSqliteWorker  *worker,
                sqlite3                *db,
                gpointer                data,
                GError                **error)
{
  LogJob *job = data;
  job->result = select_calls (worker, job->input, error);
  job->result_free = g_object_unref;
}

static void
query_door_actions_run (ConciergeSqliteWorker  *worker,
                       sqlite3                *db,
                       gpointer                data,
                       GError                **error)
{
  LogJob *job = data;
  job->result = select_door_actions (worker, job->input, error);
  job->result_free = g_object_unref;
}

static void
kept_unlocked_run (ConciergeSqliteWorker  *worker,
                  sqlite3                *db,
                  gpointer                data,
                  GError                **error)
{
  LogJob *job = data;
  sqlite3_stmt *stmt;

  /* A door is held open from this desk when its latest successful action is
   * "keep unlocked". Failed actions change nothing at the door, and pending
   * ones are not known to have done anything yet. */
  stmt = concierge_sqlite_worker_statement (worker,
                  "SELECT " DOOR_COLUMNS " FROM door_actions AS d "
                  "WHERE d.action = 3 AND d.result = 1 AND d.id = "
                  "  (SELECT max(id) FROM door_actions "
                  "   WHERE door_id = d.door_id AND result = 1) "
                  "ORDER BY d.time DESC, d.id DESC",
                  error);
  if (stmt == NULL)
    return;

  job->result = collect_rows (worker, stmt, CONCIERGE_TYPE_DOOR_ACTION, error);
  job->result_free = g_object_unref;
}

static char *
time_field (GDateTime *time)
{
  return concierge_csv_format_time (time);
}

static void
export_calls_run (ConciergeSqliteWorker  *worker,
                 sqlite3                *db,
                 gpointer                data,
                 GError                **error)
{
  LogJob *job = data;
  static const char * const header[] = {
    "record_id", "started", "door_station", "door_station_serial", "building", "room",
    "call_type", "outcome", "operator", "answered", "ended", "duration_seconds",
    "acknowledged", NULL
  };
  g_autoptr(GListStore) rows = NULL;
  GString *csv;
  guint n;

  if (!(rows = select_calls (worker, job->input, error)))
    return;

  csv = g_string_new (NULL);
  concierge_csv_append_row (csv, header, -1);

  n = g_list_model_get_n_items (G_LIST_MODEL (rows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConciergeCallRecord) call = g_list_model_get_item (G_LIST_MODEL (rows), i);
      g_autofree char *started = time_field (concierge_call_record_get_started (call));
      g_autofree char *answered = time_field (concierge_call_record_get_answered (call));
      g_autofree char *ended = time_field (concierge_call_record_get_ended (call));
      g_autofree char *duration = NULL;
      const char *fields[13];

      if (concierge_call_record_get_ended (call) != NULL &&
          concierge_call_record_get_answered (call) != NULL)
        duration = g_strdup_printf ("%" G_GINT64_FORMAT,
                                    concierge_call_record_get_duration (call));

      fields[0] = concierge_call_record_get_record_id (call);
      fields[1] = started;
      fields[2] = concierge_call_record_get_device_name (call);
      fields[3] = concierge_call_record_get_device_serial (call);
      fields[4] = concierge_call_record_get_building (call);
      fields[5] = concierge_call_record_get_room (call);
      fields[6] = concierge_call_record_get_call_type (call) == 0 ? "room" : "management-centre";
      fields[7] = concierge_call_outcome_to_string (concierge_call_record_get_outcome (call));
      fields[8] = concierge_call_record_get_operator (call);
      fields[9] = answered;
      fields[10] = ended;
      fields[11] = duration;
      fields[12] = concierge_call_record_get_outcome (call) != CONCIERGE_CALL_OUTCOME_MISSED ? "" :
                   concierge_call_record_get_acknowledged (call) ? "yes" : "no";
      concierge_csv_append_row (csv, fields, G_N_ELEMENTS (fields));
    }

  job->result = g_string_free_to_bytes (csv);
  job->result_free = (GDestroyNotify) g_bytes_unref;
}

static void
export_door_actions_run (ConciergeSqliteWorker  *worker,
                        sqlite3                *db,
                        gpointer                data,
                        GError                **error)
{
  LogJob *job = data;
  static const char * const header[] = {
    "time", "operator", "door_id", "door", "action", "reason", "source", "call_record_id",
    "result", "error_code", "error_message", NULL
  };
  g_autoptr(GListStore) rows = NULL;
  GString *csv;
  guint n;

  if (!(rows = select_door_actions (worker, job->input, error)))
    return;

  csv = g_string_new (NULL);
  concierge_csv_append_row (csv, header, -1);

  n = g_list_model_get_n_items (G_LIST_MODEL (rows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConciergeDoorAction) action = g_list_model_get_item (G_LIST_MODEL (rows), i);
      g_autofree char *time = time_field (concierge_door_action_get_time (action));
      ConciergeDoorActionSource source = concierge_door_action_get_source (action);
      ConciergeDoorActionResult result = concierge_door_action_get_result (action);
      const char *fields[11];

      fields[0] = time;
      fields[1] = concierge_door_action_get_operator (action);
      fields[2] = concierge_door_action_get_door_id (action);
      fields[3] = concierge_door_action_get_door_name (action);
      fields[4] = concierge_door_action_kind_to_string (concierge_door_action_get_kind (action));
      fields[5] = concierge_door_action_get_reason (action);
      fields[6] = concierge_door_action_source_to_string (source);
      fields[7] = concierge_door_action_get_call_record_id (action);
      fields[8] = concierge_door_action_result_to_string (result);
      fields[9] = concierge_door_action_get_error_code (action);
      fields[10] = concierge_door_action_get_error_message (action);
      concierge_csv_append_row (csv, fields, G_N_ELEMENTS (fields));
    }

  job->result = g_string_free_to_bytes (csv);
  job->result_free = (GDestroyNotify) g_bytes_unref;
}

static void
store_set_unacknowledged (ConciergeLogStore *self,
                          guint              count)
{
  if (self->unacknowledged == count)
    return;

  self->unacknowledged = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNACKNOWLEDGED_MISSED]);
}

static void
complete_default (ConciergeLogStore *self,
                  GTask             *task,
                  LogJob            *job,
                  GError            *error)
{
  if (error != NULL)
    g_task_return_error (task, error);
  else if (job->result != NULL)
    g_task_return_pointer (task, g_steal_pointer (&job->result), job->result_free);
  else
    g_task_return_boolean (task, TRUE);
}

/* Runs on the store's main context with every finished job, in queue
 * order, so signals and task callbacks follow the writes. */
static void
log_job_done (GObject *owner,
              GTask   *task,
              gpointer data,
              GError  *error)
{
  ConciergeLogStore *self = owner != NULL ? CONCIERGE_LOG_STORE (owner) : NULL;
  LogJob *job = data;

  if (self != NULL)
    {
      if (job->unacknowledged >= 0)
        store_set_unacknowledged (self, (guint) MIN (job->unacknowledged, G_MAXUINT));
      /* A job that failed changed nothing: its savepoint was rolled back. */
      if (error == NULL && (job->changed & CHANGED_CALLS))
        g_signal_emit (self, signals[CALLS_CHANGED], 0);
      if (error == NULL && (job->changed & CHANGED_DOORS))
        g_signal_emit (self, signals[DOOR_ACTIONS_CHANGED], 0);
    }

  if (task != NULL)
    (job->complete != NULL ? job->complete : complete_default) (self, task, job, error);
  else if (error != NULL)
    {
      /* Fire-and-forget writes report here, never by blocking the caller. */
      g_debug ("A log write failed: %s", error->message);
      if (self != NULL)
        g_signal_emit (self, signals[WRITE_FAILED], 0, error);
      g_error_free (error);
    }
}

static LogJob *
log_job_new (gpointer       input,
             GDestroyNotify input_free)
{
  LogJob *job = g_new0 (LogJob, 1);

  job->input = input;
  job->input_free = input_free;
  job->unacknowledged = -1;

  return job;
}

static void
push_job (ConciergeLogStore       *self,
          ConciergeSqliteJobFlags  flags,
          ConciergeSqliteRunFunc   run,
          LogJob                  *job,
          GTask                   *task)
{
  concierge_sqlite_worker_push (self->worker, flags, run, log_job_done,
                                job, (GDestroyNotify) log_job_free, task);
}

static void
push_task_job (ConciergeLogStore      *self,
               ConciergeSqliteRunFunc  run,
               LogJob                 *job,
               gpointer                source_tag,
               GCancellable           *cancellable,
               GAsyncReadyCallback     callback,
               gpointer                user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  push_job (self, CONCIERGE_SQLITE_JOB_DEFAULT, run, job, task);
}

static void
concierge_log_store_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ConciergeLogStore *self = CONCIERGE_LOG_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, concierge_log_store_get_path (self));
      break;
    case PROP_UNACKNOWLEDGED_MISSED:
      g_value_set_uint (value, self->unacknowledged);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_log_store_dispose (GObject *object)
{
  ConciergeLogStore *self = CONCIERGE_LOG_STORE (object);

  /* The worker finishes what is queued, closes the database and ends on its
   * own; close_async() is the way to wait for that. */
  if (self->worker != NULL)
    concierge_sqlite_worker_stop (self->worker);
  g_clear_object (&self->worker);

  G_OBJECT_CLASS (concierge_log_store_parent_class)->dispose (object);
}

static void
concierge_log_store_class_init (ConciergeLogStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = concierge_log_store_get_property;
  object_class->dispose = concierge_log_store_dispose;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* For the badge: missed calls nobody has acknowledged yet. */
  properties[PROP_UNACKNOWLEDGED_MISSED] =
    g_param_spec_uint ("unacknowledged-missed", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A fire-and-forget write failed; the GError says why. */
  signals[WRITE_FAILED] =
    g_signal_new ("write-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  /* A write changed the call log (a view may re-run its query). Emitted
   * after the change is committed, and only when something did change. */
  signals[CALLS_CHANGED] =
    g_signal_new ("calls-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[DOOR_ACTIONS_CHANGED] =
    g_signal_new ("door-actions-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
concierge_log_store_init (ConciergeLogStore *self)
{
}

char *
concierge_log_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "concierge", "concierge.db", NULL);
}

static void
open_complete (ConciergeLogStore *self,
               GTask             *task,
               LogJob            *job,
               GError            *error)
{
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_object_ref (self), g_object_unref);
}

void
concierge_log_store_open_async (const char          *path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(ConciergeLogStore) self = NULL;
  GTask *task;
  LogJob *job;

  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  self = g_object_new (CONCIERGE_TYPE_LOG_STORE, NULL);
  self->worker = concierge_sqlite_worker_new (G_OBJECT (self), path, &log_schema);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, concierge_log_store_open_async);
  /* The task keeps the store alive until the database is open. */
  g_task_set_task_data (task, g_object_ref (self), g_object_unref);

  /* The open job is the first in the queue, so writes queued right after it
   * wait for the database without anyone waiting on the main thread. */
  job = log_job_new (NULL, NULL);
  job->complete = open_complete;
  push_job (self, CONCIERGE_SQLITE_JOB_DEFAULT, open_run, job, task);
}

ConciergeLogStore *
concierge_log_store_open_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == concierge_log_store_open_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
concierge_log_store_close_async (ConciergeLogStore   *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CONCIERGE_IS_LOG_STORE (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, concierge_log_store_close_async);

  /* Closing is not cancellable: the jobs before it are committed anyway. */
  if (self->worker != NULL)
    concierge_sqlite_worker_close (self->worker, task);
  else
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
    }
}

gboolean
concierge_log_store_close_finish (ConciergeLogStore  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == concierge_log_store_close_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
concierge_log_store_flush_async (ConciergeLogStore   *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (CONCIERGE_IS_LOG_STORE (self));

  /* A job that only waits: the queue is in order, so reaching it means
   * every earlier write has been committed. */
  push_task_job (self, NULL, log_job_new (NULL, NULL), concierge_log_store_flush_async,
                 cancellable, callback, user_data);
}

gboolean
concierge_log_store_flush_finish (ConciergeLogStore  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == concierge_log_store_flush_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

const char *
concierge_log_store_get_path (ConciergeLogStore *self)
{
  g_return_val_if_fail (CONCIERGE_IS_LOG_STORE (self), NULL);

  return self->worker != NULL ? concierge_sqlite_worker_get_path (self->worker) : NULL;
}

guint
concierge_log_store_get_unacknowledged_missed (ConciergeLogStore *self)
{
  g_return_val_if_fail (CONCIERGE_IS_LOG_STORE (self), 0);

  return self->unacknowledged;
}

static void
push_call_write (ConciergeLogStore *self,
                 CallWrite         *w)
{
  if (self->worker == NULL)
    {
      call_write_free (w);
      return;
    }

  push_job (self, CONCIERGE_SQLITE_JOB_BATCH, call_write_run,
            log_job_new (w, call_write_free), NULL);
}

static CallWrite *
call_write_new (CallWriteKind  kind,
                const char    *record_id,
                GDateTime     *when)
{
  CallWrite *w = g_new0 (CallWrite, 1);

  w->kind = kind;
  w->record_id = g_strdup (record_id);
  w->time = time_or_now (when);

  return w;
}

void
concierge_log_store_call_started (ConciergeLogStore *self,
                                  const char        *record_id,
                                  const char        *device_name,
                                  const char        *device_serial,
                                  const char        *building,
                                  const char        *room,
                                  int                call_type,
                                  GDateTime         *started)
{
  CallWrite *w;

  g_return_if_fail (CONCIERGE_IS_LOG_STORE (self));
  g_return_if_fail (record_id != NULL);

  w = call_write_new (CALL_STARTED, record_id, started);
  w->device_name = g_strdup (device_name);
  w->device_serial = g_strdup (device_serial);
  w->building = g_strdup (building);
  w->room = g_strdup (room);
  w->call_type = call_type;
  push_call_write (self, w);
}

void
concierge_log_store_call_answered (ConciergeLogStore *self,
                                   const char        *record_id,
                                   const char        *operator,
                                   GDateTime         *when)
{
  CallWrite *w;

  g_return_if_fail (CONCIERGE_IS_LOG_STORE (self));
  g_return_if_fail (record_id != NULL);

  w = call_write_new (CALL_ANSWERED, record_id, when);
  w->operator = g_strdup (operator);
  push_call_write (self, w);
}

void
concierge_log_store_call_answered_elsewhere (ConciergeLogStore *self,
                                             const char        *record_id,
                                             GDateTime         *when)
{
  g_return_if_fail (CONCIERGE_IS_LOG_STORE (self));
  g_return_if_fail (record_id != NULL);

  push_call_write (self, call_write_new (CALL_ANSWERED_ELSEWHERE, record_id, when));
}

void
concierge_log_store_call_declined (ConciergeLogStore *self,
                                   const char        *record_id,
                                   const char        *operator,
                                   GDateTime         *when)
{
  CallWrite *w;

  g_return_if_fail (CONCIERGE_IS_LOG_STORE (self));
  g_return_if_fail (record_id != NULL);

  w = call_write_new (CALL_DECLINED, record_id, when);
  w->operator = g_strdup (operator);
  push_call_write (self, w);
}

void
concierge_log_store_call_missed (ConciergeLogStore *self,
                                 const char        *record_id,
                                 GDateTime         *when)
{
  g_return_if_fail (CONCIERGE_IS_LOG_STORE (self));
  g_return_if_fail (record_id != NULL);

  push_call_write (self, call_write_new (CALL_MISSED, record_id, when));
}

void
concierge_log_store_call_ended (ConciergeLogStore *self,
                                const char        *record_id,
                                GDateTime         *when)
{
  g_return_if_fail (CONCIERGE_IS_LOG_STORE (self));
  g_return_if_fail (record_id != NULL);

  push_call_write (self, call_write_new (CALL_ENDED, record_id, when));
}

void
concierge_log_store_acknowledge_missed (ConciergeLogStore *self,
                                        const char        *record_id)
{
  g_return_if_fail (CONCIERGE_IS_LOG_STORE (self));
  g_return_if_fail (record_id != NULL);

  push_call_write (self, call_write_new (CALL_ACKNOWLEDGE, record_id, NULL));
}

void
concierge_log_store_acknowledge_all_missed (ConciergeLogStore *self)
{
  g_return_if_fail (CONCIERGE_IS_LOG_STORE (self));

  push_call_write (self, call_write_new (CALL_ACKNOWLEDGE_ALL, NULL, NULL));
}

void
concierge_log_store_record_door_action (ConciergeLogStore   *self,
                                        ConciergeDoorAction *action)
{
  DoorWrite *w;

  g_return_if_fail (CONCIERGE_IS_LOG_STORE (self));
  g_return_if_fail (CONCIERGE_IS_DOOR_ACTION (action));

  if (self->worker == NULL)
    return;

  /* Copy the values now: the object belongs to the main thread. */
  w = g_new0 (DoorWrite, 1);
  w->uuid = g_strdup (concierge_door_action_get_uuid (action));
  w->time = time_or_now (concierge_door_action_get_time (action));
  w->operator = g_strdup (concierge_door_action_get_operator (action));
  w->door_id = g_strdup (concierge_door_action_get_door_id (action));
  w->door_name = g_strdup (concierge_door_action_get_door_name (action));
  w->kind = concierge_door_action_get_kind (action);
  w->reason = g_strdup (concierge_door_action_get_reason (action));
  w->source = concierge_door_action_get_source (action);
  w->call_record_id = g_strdup (concierge_door_action_get_call_record_id (action));
  w->result = concierge_door_action_get_result (action);
  w->error_code = g_strdup (concierge_door_action_get_error_code (action));
  w->error_message = g_strdup (concierge_door_action_get_error_message (action));

  push_job (self, CONCIERGE_SQLITE_JOB_BATCH, door_write_run,
            log_job_new (w, door_write_free), NULL);
}

static Query *
query_new (const char *text,
           GDateTime  *from,
           GDateTime  *until,
           guint       offset,
           int         limit)
{
  Query *q = g_new0 (Query, 1);

  /* A plain substring: what the user types, % _ and \ too, matches itself. */
  if (text != NULL && *text != '\0')
    q->folded = concierge_directory_fold (text);
  q->from = from != NULL ? concierge_sqlite_time_to_usec (from) : G_MININT64;
  q->until = until != NULL ? concierge_sqlite_time_to_usec (until) : G_MAXINT64;
  q->offset = offset;
  q->limit = limit < 0 ? -1 : limit;

  return q;
}

static void
task_return_closed (ConciergeLogStore   *self,
                    gpointer             source_tag,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_return_new_error (task, CONCIERGE_LOG_STORE_ERROR, CONCIERGE_LOG_STORE_ERROR_CLOSED,
                           _("The log database is closed"));
}

void
concierge_log_store_query_calls_async (ConciergeLogStore   *self,
                                       const char          *text,
                                       GDateTime           *from,
                                       GDateTime           *until,
                                       guint                offset,
                                       int                  limit,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (CONCIERGE_IS_LOG_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  if (self->worker == NULL)
    {
      task_return_closed (self, concierge_log_store_query_calls_async, callback, user_data);
      return;
    }

  push_task_job (self, query_calls_run,
                 log_job_new (query_new (text, from, until, offset, limit), query_free),
                 concierge_log_store_query_calls_async, cancellable, callback, user_data);
}

GListModel *
concierge_log_store_query_calls_finish (ConciergeLogStore  *self,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        concierge_log_store_query_calls_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
concierge_log_store_query_door_actions_async (ConciergeLogStore   *self,
                                              const char          *text,
                                              GDateTime           *from,
                                              GDateTime           *until,
                                              guint                offset,
                                              int                  limit,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_return_if_fail (CONCIERGE_IS_LOG_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  if (self->worker == NULL)
    {
      task_return_closed (self, concierge_log_store_query_door_actions_async, callback, user_data);
      return;
    }

  push_task_job (self, query_door_actions_run,
                 log_job_new (query_new (text, from, until, offset, limit), query_free),
                 concierge_log_store_query_door_actions_async, cancellable, callback, user_data);
}

GListModel *
concierge_log_store_query_door_actions_finish (ConciergeLogStore  *self,
                                               GAsyncResult       *result,
                                               GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        concierge_log_store_query_door_actions_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
concierge_log_store_list_kept_unlocked_async (ConciergeLogStore   *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_return_if_fail (CONCIERGE_IS_LOG_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  if (self->worker == NULL)
    {
      task_return_closed (self, concierge_log_store_list_kept_unlocked_async, callback, user_data);
      return;
    }

  push_task_job (self, kept_unlocked_run, log_job_new (NULL, NULL),
                 concierge_log_store_list_kept_unlocked_async, cancellable, callback, user_data);
}

GListModel *
concierge_log_store_list_kept_unlocked_finish (ConciergeLogStore  *self,
                                               GAsyncResult       *result,
                                               GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        concierge_log_store_list_kept_unlocked_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* The worker built the CSV text; the file itself is written by GIO's own
 * async machinery, so a slow disk or a network share does not hold up the
 * database queue either. */
static void
export_complete (ConciergeLogStore *self,
                 GTask             *task,
                 LogJob            *job,
                 GError            *error)
{
  Query *q = job->input;

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_file_replace_contents_bytes_async (q->file, job->result, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION,
                                       g_task_get_cancellable (task),
                                       export_written_cb, g_object_ref (task));
}

static void
push_export (ConciergeLogStore      *self,
             ConciergeSqliteRunFunc  run,
             const char             *text,
             GDateTime              *from,
             GDateTime              *until,
             GFile                  *file,
             gpointer                source_tag,
             GCancellable           *cancellable,
             GAsyncReadyCallback     callback,
             gpointer                user_data)
{
  Query *q;
  LogJob *job;

  if (self->worker == NULL)
    {
      task_return_closed (self, source_tag, callback, user_data);
      return;
    }

  q = query_new (text, from, until, 0, -1);
  q->file = g_object_ref (file);

  job = log_job_new (q, query_free);
  job->complete = export_complete;
  push_task_job (self, run, job, source_tag, cancellable, callback, user_data);
}

void
concierge_log_store_export_calls_async (ConciergeLogStore   *self,
                                        const char          *text,
                                        GDateTime           *from,
                                        GDateTime           *until,
                                        GFile               *file,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (CONCIERGE_IS_LOG_STORE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  push_export (self, export_calls_run, text, from, until, file,
               concierge_log_store_export_calls_async, cancellable, callback, user_data);
}

gboolean
concierge_log_store_export_calls_finish (ConciergeLogStore  *self,
                                         GAsyncResult       *result,
                                         GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        concierge_log_store_export_calls_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
concierge_log_store_export_door_actions_async (ConciergeLogStore   *self,
                                               const char          *text,
                                               GDateTime           *from,
                                               GDateTime           *until,
                                               GFile               *file,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_return_if_fail (CONCIERGE_IS_LOG_STORE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  push_export (self, export_door_actions_run, text, from, until, file,
               concierge_log_store_export_door_actions_async, cancellable, callback, user_data);
}

gboolean
concierge_log_store_export_door_actions_finish (ConciergeLogStore  *self,
                                                GAsyncResult       *result,
                                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        concierge_log_store_export_door_actions_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
