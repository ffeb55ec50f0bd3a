/* concierge-log-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-log-store"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "concierge-csv.h"
#include "concierge-log-store.h"

/* Threading rule: every sqlite3 call happens on the one worker thread. The
 * main thread only builds Job structs and pushes them onto a GAsyncQueue,
 * which never waits for the database. The worker runs the jobs in order and
 * hands each finished job back to the store's main context, where GTasks are
 * returned and signals emitted. Neither the worker nor a job holds a strong
 * reference to the store: GTask callbacks and the final unref of the store
 * therefore always happen on the main thread. */

#define SCHEMA_VERSION 1

/* The most writes committed together (see run_write_batch()). */
#define MAX_BATCH 256

typedef struct
{
  GAsyncQueue  *queue;         /* (owned) of Job */
  GMainContext *main_context;  /* (owned) */
  GWeakRef      store;
  char         *path;          /* (owned) */

  /* Touched by the worker thread only. */
  sqlite3      *db;            /* (owned) (nullable) */
  GHashTable   *statements;    /* (owned) (nullable): SQL text -> sqlite3_stmt */
} Worker;

typedef struct _Job Job;
typedef void (*JobRunFunc)      (Job     *job,
                                 Worker  *worker);
typedef void (*JobCompleteFunc) (Job     *job);

enum {
  CHANGED_CALLS = 1 << 0,
  CHANGED_DOORS = 1 << 1,
};

struct _Job
{
  JobRunFunc       run;            /* NULL: stop the worker */
  JobCompleteFunc  complete;       /* (nullable): replaces the default */
  Worker          *worker;         /* (owned) */
  GTask           *task;           /* (owned) (nullable): main thread only */
  GCancellable    *cancellable;    /* (owned) (nullable) */
  gpointer         data;           /* (owned) */
  GDestroyNotify   data_free;

  /* Results, written by the worker, read on the main thread. */
  GError          *error;          /* (owned) (nullable) */
  gpointer         result;         /* (owned) (nullable) */
  GDestroyNotify   result_free;
  guint            changed;
  gint64           unacknowledged; /* -1 when not computed */
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
  char     *pattern;  /* (nullable): a LIKE pattern, already escaped */
  gint64    from;     /* G_MININT64 when unbounded */
  gint64    until;    /* G_MAXINT64 when unbounded */
  gint64    offset;
  gint64    limit;
  GFile    *file;     /* (owned) (nullable): export target */
} Query;

struct _ConciergeLogStore
{
  GObject   parent_instance;

  Worker   *worker;          /* (owned) */
  GThread  *thread;          /* (owned) */
  guint     unacknowledged;
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

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SCHEMA_VERSION);

#define CALL_COLUMNS \
  "record_id, device_name, device_serial, building, room, call_type, started, " \
  "outcome, operator, answered, ended, acknowledged"

#define DOOR_COLUMNS \
  "uuid, time, operator, door_id, door_name, action, reason, source, call_record_id, " \
  "result, error_code, error_message"

static Worker *
worker_ref (Worker *worker)
{
  return g_atomic_rc_box_acquire (worker);
}

static void
worker_clear (gpointer data)
{
  Worker *worker = data;

  /* The worker thread closes the database before it lets go. */
  g_assert (worker->db == NULL);
  g_assert (worker->statements == NULL);

  g_async_queue_unref (worker->queue);
  g_main_context_unref (worker->main_context);
  g_weak_ref_clear (&worker->store);
  g_free (worker->path);
}

static void
worker_unref (Worker *worker)
{
  g_atomic_rc_box_release_full (worker, worker_clear);
}

static void
job_free (Job *job)
{
  g_clear_object (&job->task);
  g_clear_object (&job->cancellable);
  if (job->data_free != NULL)
    g_clear_pointer (&job->data, job->data_free);
  if (job->result_free != NULL)
    g_clear_pointer (&job->result, job->result_free);
  g_clear_error (&job->error);
  g_clear_pointer (&job->worker, worker_unref);
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

  g_free (q->pattern);
  g_clear_object (&q->file);
  g_free (q);
}

static gint64
time_to_usec (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

static GDateTime *
time_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) exact = NULL;

  utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  if (utc == NULL)
    return NULL;
  exact = g_date_time_add (utc, usec % G_USEC_PER_SEC);
  return g_date_time_to_local (exact);
}

static gint64
time_or_now (GDateTime *time)
{
  g_autoptr(GDateTime) now = NULL;

  if (time != NULL)
    return time_to_usec (time);

  now = g_date_time_new_now_utc ();
  return time_to_usec (now);
}

/* LIKE matches substrings; the user's % _ and \ must match themselves. */
static char *
like_pattern (const char *text)
{
  GString *pattern;

  if (text == NULL || *text == '\0')
    return NULL;

  pattern = g_string_new ("%");
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

static void
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  const char  *what)
{
  g_set_error (error, CONCIERGE_LOG_STORE_ERROR, CONCIERGE_LOG_STORE_ERROR_FAILED,
               _("Could not %s the log database: %s"), what,
               db != NULL ? sqlite3_errmsg (db) : "out of memory");
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, CONCIERGE_LOG_STORE_ERROR, CONCIERGE_LOG_STORE_ERROR_FAILED,
                   _("Could not update the log database: %s"),
                   message != NULL ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, db, "read");
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

/* The statements of the hot paths are prepared once per connection and
 * kept, keyed by the address of their (static) SQL text: parsing the SQL
 * was most of the cost of a write. Callers hand them back with release(). */
static sqlite3_stmt *
statement (Worker      *worker,
           const char  *sql,
           GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (worker->statements, sql);

  if (stmt != NULL)
    return stmt;

  if (sqlite3_prepare_v3 (worker->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, worker->db, "read");
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (worker->statements, (gpointer) sql, stmt);
  return stmt;
}

static void
release (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
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
  return time_from_usec (sqlite3_column_int64 (stmt, column));
}

static int
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  sqlite3_stmt *stmt = prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  else
    set_sqlite_error (error, db, "read");
  sqlite3_finalize (stmt);

  return rc == SQLITE_ROW;
}

static gboolean
migrate (sqlite3  *db,
         GError  **error)
{
  gint64 version = 0;
  g_autofree char *set_version = NULL;

  if (!query_int (db, "PRAGMA user_version", &version, error))
    return FALSE;

  /* A database written by a newer Concierge is left alone rather than
   * misread: the user can still go back to that version. */
  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, CONCIERGE_LOG_STORE_ERROR, CONCIERGE_LOG_STORE_ERROR_SCHEMA_TOO_NEW,
                   _("The log database was written by a newer version of Concierge"));
      return FALSE;
    }

  if (version == SCHEMA_VERSION)
    return TRUE;

  /* All steps and the new version number commit together, or not at all. */
  if (!exec_sql (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (gint64 v = version; v < SCHEMA_VERSION; v++)
    {
      g_debug ("Migrating the log database from version %" G_GINT64_FORMAT, v);
      if (!exec_sql (db, migrations[v], error))
        goto rollback;
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", SCHEMA_VERSION);
  if (!exec_sql (db, set_version, error) || !exec_sql (db, "COMMIT", error))
    goto rollback;

  return TRUE;

rollback:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static void
count_unacknowledged (Job    *job,
                      Worker *worker)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  stmt = statement (worker, "SELECT count(*) FROM calls WHERE outcome = 4 AND acknowledged = 0",
                    &error);
  if (stmt == NULL)
    {
      g_debug ("%s", error->message);
      return;
    }

  if (sqlite3_step (stmt) == SQLITE_ROW)
    job->unacknowledged = sqlite3_column_int64 (stmt, 0);
  else
    g_debug ("Counting missed calls: %s", sqlite3_errmsg (worker->db));
  release (stmt);
}

static void
open_run (Job    *job,
          Worker *worker)
{
  g_autofree char *dir = NULL;
  g_autofree char *journal_mode = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;

  if (worker->db != NULL)
    return;

  dir = g_path_get_dirname (worker->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (&job->error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return;
    }

  /* NOMUTEX: the connection is only ever used by this thread. */
  if (sqlite3_open_v2 (worker->path, &db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      set_sqlite_error (&job->error, db, "open");
      sqlite3_close (db);
      return;
    }

  /* Another process (a second instance, a backup tool) may hold a lock for
   * a moment; wait for it here on the worker rather than fail the write. */
  sqlite3_busy_timeout (db, 5000);

  /* WAL: a commit appends to the log file and readers never block writers.
   * synchronous=NORMAL: in WAL mode a commit is then not fsync()ed, only
   * written; it survives the app crashing or being killed (the data is in
   * the kernel's page cache) and the database can never be corrupted, but
   * the last commits before a power cut or a kernel crash may be lost.
   * That is the right trade for a log written at every call event on a
   * desk PC: no fsync stall per event, and nothing a crash can break. */
  stmt = prepare (db, "PRAGMA journal_mode = WAL", &job->error);
  if (stmt == NULL)
    goto fail;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    journal_mode = g_strdup (column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (g_strcmp0 (journal_mode, "wal") != 0)
    g_debug ("The log database is in journal mode %s, not WAL", journal_mode);

  if (!exec_sql (db, "PRAGMA synchronous = NORMAL", &job->error) ||
      !exec_sql (db, "PRAGMA foreign_keys = ON", &job->error) ||
      !migrate (db, &job->error))
    goto fail;

  worker->db = db;
  worker->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                              (GDestroyNotify) sqlite3_finalize);
  count_unacknowledged (job, worker);
  g_debug ("Opened the log database %s", worker->path);
  return;

fail:
  sqlite3_close (db);
}

static void
close_db (Worker *worker)
{
  if (worker->db == NULL)
    return;

  g_clear_pointer (&worker->statements, g_hash_table_unref);

  /* sqlite3_close_v2 checkpoints the WAL into the main file and removes it
   * when this is the last connection. */
  if (sqlite3_close_v2 (worker->db) != SQLITE_OK)
    g_debug ("Closing the log database: %s", sqlite3_errmsg (worker->db));
  worker->db = NULL;
}

static void
close_run (Job    *job,
           Worker *worker)
{
  close_db (worker);
}

static void
flush_run (Job    *job,
           Worker *worker)
{
  /* Nothing to do: the queue is in order, so reaching this job means every
   * earlier write has been committed. */
}

static gboolean
step_done (sqlite3_stmt  *stmt,
           sqlite3       *db,
           GError       **error)
{
  gboolean done = sqlite3_step (stmt) == SQLITE_DONE;

  if (!done)
    set_sqlite_error (error, db, "write to");
  release (stmt);

  return done;
}

static void
call_write_run (Job    *job,
                Worker *worker)
{
  CallWrite *w = job->data;
  sqlite3 *db = worker->db;
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
      stmt = statement (worker, sql, &job->error);
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
      stmt = statement (worker, sql, &job->error);
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
      stmt = statement (worker, sql, &job->error);
      if (stmt == NULL)
        return;
      bind_text (stmt, 1, w->record_id);
      sqlite3_bind_int64 (stmt, 2, w->time);
      break;

    case CALL_ACKNOWLEDGE:
      sql = "UPDATE calls SET acknowledged = 1 "
            "WHERE record_id = ?1 AND outcome = 4 AND acknowledged = 0";
      stmt = statement (worker, sql, &job->error);
      if (stmt == NULL)
        return;
      bind_text (stmt, 1, w->record_id);
      break;

    case CALL_ACKNOWLEDGE_ALL:
      sql = "UPDATE calls SET acknowledged = 1 WHERE outcome = 4 AND acknowledged = 0";
      stmt = statement (worker, sql, &job->error);
      if (stmt == NULL)
        return;
      break;

    default:
      g_assert_not_reached ();
    }

  if (!step_done (stmt, db, &job->error))
    return;

  if (sqlite3_changes (db) > 0)
    job->changed |= CHANGED_CALLS;
}

static void
door_write_run (Job    *job,
                Worker *worker)
{
  DoorWrite *w = job->data;
  sqlite3 *db = worker->db;
  sqlite3_stmt *stmt;

  /* Keyed by the uuid made on the desk: the first call inserts the action
   * (usually still pending), later calls only update its result. */
  stmt = statement (worker,
                  "INSERT INTO door_actions (" DOOR_COLUMNS ") "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                  "ON CONFLICT (uuid) DO UPDATE SET "
                  "  result = excluded.result, error_code = excluded.error_code, "
                  "  error_message = excluded.error_message "
                  "WHERE door_actions.result IS NOT excluded.result "
                  "   OR door_actions.error_code IS NOT excluded.error_code "
                  "   OR door_actions.error_message IS NOT excluded.error_message",
                  &job->error);
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

  if (step_done (stmt, db, &job->error) && sqlite3_changes (db) > 0)
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
collect_rows (sqlite3       *db,
              sqlite3_stmt  *stmt,
              GType          item_type,
              GError       **error)
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
    set_sqlite_error (error, db, "read");
  release (stmt);

  return rc == SQLITE_DONE ? g_steal_pointer (&store) : NULL;
}

static void
bind_query (sqlite3_stmt *stmt,
            Query        *q)
{
  bind_text (stmt, 1, q->pattern);
  sqlite3_bind_int64 (stmt, 2, q->from);
  sqlite3_bind_int64 (stmt, 3, q->until);
  sqlite3_bind_int64 (stmt, 4, q->limit);
  sqlite3_bind_int64 (stmt, 5, q->offset);
}

static GListStore *
select_calls (Worker  *worker,
              Query   *q,
              GError **error)
{
  sqlite3_stmt *stmt;

  stmt = statement (worker,
                  "SELECT " CALL_COLUMNS " FROM calls "
                  "WHERE (?1 IS NULL"
                  "       OR device_name LIKE ?1 ESCAPE '\\' OR device_serial LIKE ?1 ESCAPE '\\'"
                  "       OR building LIKE ?1 ESCAPE '\\' OR room LIKE ?1 ESCAPE '\\'"
                  "       OR operator LIKE ?1 ESCAPE '\\')"
                  "  AND started >= ?2 AND started < ?3 "
                  "ORDER BY started DESC, record_id DESC "
                  "LIMIT ?4 OFFSET ?5",
                  error);
  if (stmt == NULL)
    return NULL;

  bind_query (stmt, q);
  return collect_rows (worker->db, stmt, CONCIERGE_TYPE_CALL_RECORD, error);
}

static GListStore *
select_door_actions (Worker  *worker,
                     Query   *q,
                     GError **error)
{
  sqlite3_stmt *stmt;

  stmt = statement (worker,
                  "SELECT " DOOR_COLUMNS " FROM door_actions "
                  "WHERE (?1 IS NULL"
                  "       OR door_name LIKE ?1 ESCAPE '\\' OR door_id LIKE ?1 ESCAPE '\\'"
                  "       OR operator LIKE ?1 ESCAPE '\\' OR reason LIKE ?1 ESCAPE '\\')"
                  "  AND time >= ?2 AND time < ?3 "
                  "ORDER BY time DESC, id DESC "
                  "LIMIT ?4 OFFSET ?5",
                  error);
  if (stmt == NULL)
    return NULL;

  bind_query (stmt, q);
  return collect_rows (worker->db, stmt, CONCIERGE_TYPE_DOOR_ACTION, error);
}

static void
query_calls_run (Job    *job,
                 Worker *worker)
{
  job->result = select_calls (worker, job->data, &job->error);
  job->result_free = g_object_unref;
}

static void
query_door_actions_run (Job    *job,
                        Worker *worker)
{
  job->result = select_door_actions (worker, job->data, &job->error);
  job->result_free = g_object_unref;
}

static void
kept_unlocked_run (Job    *job,
                   Worker *worker)
{
  sqlite3_stmt *stmt;

  /* A door is held open from this desk when its latest successful action is
   * "keep unlocked". Failed actions change nothing at the door, and pending
   * ones are not known to have done anything yet. */
  stmt = statement (worker,
                  "SELECT " DOOR_COLUMNS " FROM door_actions AS d "
                  "WHERE d.action = 3 AND d.result = 1 AND d.id = "
                  "  (SELECT max(id) FROM door_actions "
                  "   WHERE door_id = d.door_id AND result = 1) "
                  "ORDER BY d.time DESC, d.id DESC",
                  &job->error);
  if (stmt == NULL)
    return;

  job->result = collect_rows (worker->db, stmt, CONCIERGE_TYPE_DOOR_ACTION, &job->error);
  job->result_free = g_object_unref;
}

static char *
time_field (GDateTime *time)
{
  return concierge_csv_format_time (time);
}

static void
export_calls_run (Job    *job,
                  Worker *worker)
{
  static const char * const header[] = {
    "record_id", "started", "door_station", "door_station_serial", "building", "room",
    "call_type", "outcome", "operator", "answered", "ended", "duration_seconds",
    "acknowledged", NULL
  };
  g_autoptr(GListStore) rows = NULL;
  GString *csv;
  guint n;

  if (!(rows = select_calls (worker, job->data, &job->error)))
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
export_door_actions_run (Job    *job,
                         Worker *worker)
{
  static const char * const header[] = {
    "time", "operator", "door_id", "door", "action", "reason", "source", "call_record_id",
    "result", "error_code", "error_message", NULL
  };
  g_autoptr(GListStore) rows = NULL;
  GString *csv;
  guint n;

  if (!(rows = select_door_actions (worker, job->data, &job->error)))
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
job_complete_default (Job *job)
{
  GTask *task = job->task;

  if (job->error != NULL)
    g_task_return_error (task, g_steal_pointer (&job->error));
  else if (job->result != NULL)
    g_task_return_pointer (task, g_steal_pointer (&job->result), job->result_free);
  else
    g_task_return_boolean (task, TRUE);
}

/* Runs on the store's main context with a finished job. */
static void
job_complete (Job *job)
{
  g_autoptr(ConciergeLogStore) self = g_weak_ref_get (&job->worker->store);

  if (self != NULL)
    {
      if (job->unacknowledged >= 0)
        store_set_unacknowledged (self, (guint) MIN (job->unacknowledged, G_MAXUINT));
      if (job->changed & CHANGED_CALLS)
        g_signal_emit (self, signals[CALLS_CHANGED], 0);
      if (job->changed & CHANGED_DOORS)
        g_signal_emit (self, signals[DOOR_ACTIONS_CHANGED], 0);
    }

  if (job->task != NULL)
    {
      if (job->complete != NULL)
        job->complete (job);
      else
        job_complete_default (job);
    }
  else if (job->error != NULL && self != NULL)
    {
      /* Fire-and-forget writes report here, never by blocking the caller. */
      g_debug ("A log write failed: %s", job->error->message);
      g_signal_emit (self, signals[WRITE_FAILED], 0, job->error);
    }

  job_free (job);
}

static gboolean
jobs_complete_cb (gpointer data)
{
  GPtrArray *jobs = data;

  /* In queue order, so signals and task callbacks follow the writes. */
  for (guint i = 0; i < jobs->len; i++)
    job_complete (g_ptr_array_index (jobs, i));
  g_ptr_array_set_size (jobs, 0);

  return G_SOURCE_REMOVE;
}

static void
hand_back (Worker    *worker,
           GPtrArray *jobs)
{
  GSource *source;

  /* An idle source rather than g_main_context_invoke(): the latter may run
   * the callback right here when this thread can acquire the context, and
   * completions must run on the main thread. One source per batch keeps
   * the main loop's wake-ups down during a burst of events. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, jobs_complete_cb, jobs, (GDestroyNotify) g_ptr_array_unref);
  g_source_set_static_name (source, "[concierge] log jobs done");
  g_source_attach (source, worker->main_context);
  g_source_unref (source);
}

static gboolean
is_write (Job *job)
{
  return job->run == call_write_run || job->run == door_write_run;
}

static gboolean
job_can_run (Job    *job,
             Worker *worker)
{
  if (job->cancellable != NULL && g_cancellable_is_cancelled (job->cancellable))
    {
      g_set_error_literal (&job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("Operation was cancelled"));
      return FALSE;
    }

  if (worker->db == NULL && job->run != open_run && job->run != close_run)
    {
      g_set_error_literal (&job->error, CONCIERGE_LOG_STORE_ERROR,
                           CONCIERGE_LOG_STORE_ERROR_CLOSED,
                           _("The log database is closed"));
      return FALSE;
    }

  return TRUE;
}

static void
fail_batch (GPtrArray    *batch,
            const GError *error)
{
  for (guint i = 0; i < batch->len; i++)
    {
      Job *job = g_ptr_array_index (batch, i);

      if (job->error == NULL)
        job->error = g_error_copy (error);
      job->changed = 0;
    }
}

/* Runs @first and the writes queued right behind it in one transaction: a
 * burst of events (a reconnect replays the event stream) costs one commit
 * instead of one per event. Every job of the batch is handed back only
 * after COMMIT, so a "changed" signal always means "on disk". Returns the
 * first queued job that is not part of the batch, if one was taken. */
static Job *
run_write_batch (Worker    *worker,
                 Job       *first,
                 GPtrArray *batch)
{
  g_autoptr(GError) error = NULL;
  Job *job = first;
  Job *next = NULL;
  gboolean calls_changed = FALSE;

  if (!exec_sql (worker->db, "BEGIN IMMEDIATE", &error))
    {
      first->error = g_steal_pointer (&error);
      g_ptr_array_add (batch, first);
      return NULL;
    }

  for (;;)
    {
      job->run (job, worker);
      g_ptr_array_add (batch, job);

      /* Some errors (disk full, I/O) roll the whole transaction back. */
      if (sqlite3_get_autocommit (worker->db))
        {
          g_set_error_literal (&error, CONCIERGE_LOG_STORE_ERROR, CONCIERGE_LOG_STORE_ERROR_FAILED,
                               _("Could not write to the log database"));
          fail_batch (batch, job->error != NULL ? job->error : error);
          return NULL;
        }

      if (batch->len >= MAX_BATCH ||
          (next = g_async_queue_try_pop (worker->queue)) == NULL ||
          !is_write (next))
        break;

      job = g_steal_pointer (&next);
    }

  if (!exec_sql (worker->db, "COMMIT", &error))
    {
      sqlite3_exec (worker->db, "ROLLBACK", NULL, NULL, NULL);
      fail_batch (batch, error);
      return next;
    }

  for (guint i = 0; i < batch->len; i++)
    calls_changed |= (((Job *) g_ptr_array_index (batch, i))->changed & CHANGED_CALLS) != 0;

  /* Once per batch; the count goes out with the batch's last job. */
  if (calls_changed)
    count_unacknowledged (g_ptr_array_index (batch, batch->len - 1), worker);

  return next;
}

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;
  Job *next = NULL;

  for (;;)
    {
      Job *job = next != NULL ? next : g_async_queue_pop (worker->queue);
      GPtrArray *done;

      next = NULL;
      if (job->run == NULL)
        {
          job_free (job);
          break;
        }

      done = g_ptr_array_new ();
      if (!job_can_run (job, worker))
        g_ptr_array_add (done, job);
      else if (is_write (job))
        next = run_write_batch (worker, job, done);
      else
        {
          job->run (job, worker);
          g_ptr_array_add (done, job);
        }

      hand_back (worker, done);
    }

  close_db (worker);
  worker_unref (worker);

  return NULL;
}

static Job *
job_new (ConciergeLogStore *self,
         JobRunFunc         run,
         gpointer           data,
         GDestroyNotify     data_free)
{
  Job *job = g_new0 (Job, 1);

  job->run = run;
  job->worker = worker_ref (self->worker);
  job->data = data;
  job->data_free = data_free;
  job->unacknowledged = -1;

  return job;
}

static void
job_push (ConciergeLogStore *self,
          Job               *job)
{
  g_async_queue_push (self->worker->queue, job);
}

static void
push_task_job (ConciergeLogStore   *self,
               JobRunFunc           run,
               gpointer             data,
               GDestroyNotify       data_free,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  Job *job = job_new (self, run, data, data_free);

  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, source_tag);
  g_set_object (&job->cancellable, cancellable);
  job_push (self, job);
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

  /* Ask the worker to finish what is queued, close the database and exit.
   * Joining it here would block the main loop, so it is left to end on its
   * own; close_async() is the way to wait for that. */
  if (self->worker != NULL)
    {
      Job *quit = g_new0 (Job, 1);

      quit->worker = worker_ref (self->worker);
      quit->unacknowledged = -1;
      job_push (self, quit);
    }

  g_clear_pointer (&self->thread, g_thread_unref);
  g_clear_pointer (&self->worker, worker_unref);

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
open_complete (Job *job)
{
  g_autoptr(ConciergeLogStore) self = g_weak_ref_get (&job->worker->store);

  if (job->error != NULL)
    g_task_return_error (job->task, g_steal_pointer (&job->error));
  else
    g_task_return_pointer (job->task, g_steal_pointer (&self), g_object_unref);
}

void
concierge_log_store_open_async (const char          *path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(ConciergeLogStore) self = NULL;
  g_autoptr(GError) error = NULL;
  Job *job;

  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  self = g_object_new (CONCIERGE_TYPE_LOG_STORE, NULL);

  self->worker = g_atomic_rc_box_new0 (Worker);
  self->worker->queue = g_async_queue_new ();
  self->worker->main_context = g_main_context_ref_thread_default ();
  self->worker->path = g_strdup (path);
  g_weak_ref_init (&self->worker->store, self);

  /* The open job is the first in the queue, so writes queued right after it
   * wait for the database without anyone waiting on the main thread. */
  job = job_new (self, open_run, NULL, NULL);
  job->complete = open_complete;
  job->task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, concierge_log_store_open_async);
  /* The task keeps the store alive until the database is open. */
  g_task_set_task_data (job->task, g_object_ref (self), g_object_unref);
  job_push (self, job);

  self->thread = g_thread_try_new ("concierge-log", worker_thread,
                                   worker_ref (self->worker), &error);
  if (self->thread == NULL)
    {
      /* Without a worker the queued jobs are never run; answer the caller
       * now and let dispose drop the queue. */
      job = g_async_queue_try_pop (self->worker->queue);
      worker_unref (self->worker);  /* the ref meant for the thread */
      g_task_return_error (job->task, g_steal_pointer (&error));
      job_free (job);
      g_clear_pointer (&self->worker, worker_unref);
    }
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
  g_return_if_fail (CONCIERGE_IS_LOG_STORE (self));

  /* Closing is not cancellable: the jobs before it are committed anyway. */
  push_task_job (self, close_run, NULL, NULL, concierge_log_store_close_async,
                 NULL, callback, user_data);
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

  push_task_job (self, flush_run, NULL, NULL, concierge_log_store_flush_async,
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

  return self->worker != NULL ? self->worker->path : NULL;
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

  job_push (self, job_new (self, call_write_run, w, call_write_free));
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

  job_push (self, job_new (self, door_write_run, w, door_write_free));
}

static Query *
query_new (const char *text,
           GDateTime  *from,
           GDateTime  *until,
           guint       offset,
           int         limit)
{
  Query *q = g_new0 (Query, 1);

  q->pattern = like_pattern (text);
  q->from = from != NULL ? time_to_usec (from) : G_MININT64;
  q->until = until != NULL ? time_to_usec (until) : G_MAXINT64;
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

  push_task_job (self, query_calls_run, query_new (text, from, until, offset, limit), query_free,
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

  push_task_job (self, query_door_actions_run, query_new (text, from, until, offset, limit),
                 query_free, concierge_log_store_query_door_actions_async,
                 cancellable, callback, user_data);
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

  push_task_job (self, kept_unlocked_run, NULL, NULL, concierge_log_store_list_kept_unlocked_async,
                 cancellable, callback, user_data);
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
export_complete (Job *job)
{
  Query *q = job->data;
  GCancellable *cancellable;

  if (job->error != NULL)
    {
      g_task_return_error (job->task, g_steal_pointer (&job->error));
      return;
    }

  cancellable = g_task_get_cancellable (job->task);
  g_file_replace_contents_bytes_async (q->file, job->result, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                                       export_written_cb, g_steal_pointer (&job->task));
}

static void
push_export (ConciergeLogStore   *self,
             JobRunFunc           run,
             const char          *text,
             GDateTime           *from,
             GDateTime           *until,
             GFile               *file,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  Query *q;
  Job *job;

  if (self->worker == NULL)
    {
      task_return_closed (self, source_tag, callback, user_data);
      return;
    }

  q = query_new (text, from, until, 0, -1);
  q->file = g_object_ref (file);

  job = job_new (self, run, q, query_free);
  job->complete = export_complete;
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, source_tag);
  g_set_object (&job->cancellable, cancellable);
  job_push (self, job);
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
