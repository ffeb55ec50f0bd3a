/* concierge-sqlite-worker.h: one SQLite database on one worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The log store and the directory cache each keep their database behind a
 * ConciergeSqliteWorker. Its rule: every sqlite3 call happens on the
 * worker's own thread, on a connection that never leaves it; the main
 * thread only queues jobs and never waits for the disk. Jobs run in the
 * order they were queued and are handed back to the main context the
 * worker was made in, where their done function runs.
 *
 * The database is opened on the first job that needs it: the folder is
 * made, WAL with synchronous=NORMAL is set (a crash or kill -9 loses no
 * committed write and never corrupts the file; a power cut may lose the
 * last commits), the schema is migrated one step per version in one
 * transaction, and a schema newer than ours is refused untouched.
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define CONCIERGE_TYPE_SQLITE_WORKER (concierge_sqlite_worker_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeSqliteWorker, concierge_sqlite_worker,
                      CONCIERGE, SQLITE_WORKER, GObject)

/* For statements of their own (concierge_sqlite_worker_prepare()). */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Runs on the worker right after the database is opened, before the
 * migrations, for what lives on a connection rather than in the file (SQL
 * functions, which migrations and triggers may then use). */
typedef gboolean (*ConciergeSqliteSetupFunc) (sqlite3  *db,
                                              GError  **error);

/* Runs on the worker after a batch of jobs was committed, with their data
 * in queue order. */
typedef void     (*ConciergeSqliteBatchFunc) (ConciergeSqliteWorker  *worker,
                                              sqlite3                *db,
                                              gpointer               *data,
                                              guint                   n_data);

/* What one database is: its schema, and how its failures are reported.
 * The texts are untranslated (N_()); the worker translates them. */
typedef struct {
  const char               *thread_name;
  /* migrations[n] turns schema version n into n + 1; the schema version is
   * n_migrations, kept in PRAGMA user_version. */
  const char * const       *migrations;
  guint                     n_migrations;

  GQuark                  (*error_quark) (void);
  int                       error_failed;   /* an SQLite failure */
  int                       error_too_new;  /* a schema newer than ours */
  int                       error_closed;   /* a job after close */
  const char               *failed_label;   /* "…: <SQLite's reason>" */
  const char               *too_new_message;
  const char               *closed_message;

  /* A file that is not a database, or corrupt, is renamed to
   * "<path>.damaged" and a new one made: only for a cache that holds
   * nothing the platform does not. */
  gboolean                  move_aside_damaged;

  ConciergeSqliteSetupFunc  setup;            /* (nullable) */
  ConciergeSqliteBatchFunc  batch_committed;  /* (nullable) */
} ConciergeSqliteSchema;

typedef enum {
  /* Needs the database: it is opened first if need be, and the job fails
   * with the open's error, or error_closed after close, without running. */
  CONCIERGE_SQLITE_JOB_DEFAULT = 0,
  /* A write that shares one transaction with the batch jobs queued right
   * behind it (one commit for a burst of events). Each job runs in a
   * savepoint of its own: a job that fails leaves none of its changes,
   * and the others still commit. */
  CONCIERGE_SQLITE_JOB_BATCH   = 1 << 0,
  /* Runs without opening the database (it may still ask for it with
   * concierge_sqlite_worker_get_db()), also after close. */
  CONCIERGE_SQLITE_JOB_NO_DB   = 1 << 1,
} ConciergeSqliteJobFlags;

/* Worker thread. @db is NULL for a NO_DB job. */
typedef void (*ConciergeSqliteRunFunc)  (ConciergeSqliteWorker  *worker,
                                         sqlite3                *db,
                                         gpointer                data,
                                         GError                **error);
/* Main thread. @owner is NULL once it is gone; @task and @error are the
 * job's (transfer none for @task, full for @error). */
typedef void (*ConciergeSqliteDoneFunc) (GObject                *owner,
                                         GTask                  *task,
                                         gpointer                data,
                                         GError                 *error);

/* @owner is held weakly, for the done functions. */
ConciergeSqliteWorker *concierge_sqlite_worker_new       (GObject                     *owner,
                                                          const char                  *path,
                                                          const ConciergeSqliteSchema *schema);
const char            *concierge_sqlite_worker_get_path  (ConciergeSqliteWorker       *self);

/* Queues a job. @run may be NULL (a job that only waits for the ones before
 * it). @done NULL: @task, when given, returns TRUE or the error; a failed
 * job without a task is noted with g_debug. A job whose task is cancelled
 * before it starts does not run and ends with G_IO_ERROR_CANCELLED. @data
 * is freed with @data_free on the main thread after @done. */
void                   concierge_sqlite_worker_push      (ConciergeSqliteWorker       *self,
                                                          ConciergeSqliteJobFlags      flags,
                                                          ConciergeSqliteRunFunc       run,
                                                          ConciergeSqliteDoneFunc      done,
                                                          gpointer                     data,
                                                          GDestroyNotify               data_free,
                                                          GTask                       *task);
/* Closes the database once every job queued before has run; @task (transfer
 * full, nullable) then returns TRUE. Later jobs that need it fail. */
void                   concierge_sqlite_worker_close     (ConciergeSqliteWorker       *self,
                                                          GTask                       *task);
/* Ends the thread after the jobs already queued (the owner's dispose);
 * jobs queued later end at once with error_closed. Never waits. */
void                   concierge_sqlite_worker_stop      (ConciergeSqliteWorker       *self);

/* Worker thread only: the calls below abort when made from another thread. */

/* The connection, opened now if need be. (transfer none) */
sqlite3               *concierge_sqlite_worker_get_db    (ConciergeSqliteWorker       *self,
                                                          GError                     **error);
/* A statement prepared once per connection and kept, keyed by the address
 * of @sql, which must be static. Hand it back with
 * concierge_sqlite_worker_release(). */
sqlite3_stmt          *concierge_sqlite_worker_statement (ConciergeSqliteWorker       *self,
                                                          const char                  *sql,
                                                          GError                     **error);
void                   concierge_sqlite_worker_release   (sqlite3_stmt                *stmt);
/* A statement of its own, for sqlite3_finalize(). */
sqlite3_stmt          *concierge_sqlite_worker_prepare   (ConciergeSqliteWorker       *self,
                                                          const char                  *sql,
                                                          GError                     **error);
gboolean               concierge_sqlite_worker_exec      (ConciergeSqliteWorker       *self,
                                                          const char                  *sql,
                                                          GError                     **error);
/* Steps @stmt to its end and makes it ready for the next bindings. */
gboolean               concierge_sqlite_worker_step_done (ConciergeSqliteWorker       *self,
                                                          sqlite3_stmt                *stmt,
                                                          GError                     **error);
/* The connection's last failure, in the schema's error domain. */
void                   concierge_sqlite_worker_set_error (ConciergeSqliteWorker       *self,
                                                          GError                     **error);
/* BEGIN IMMEDIATE, and COMMIT, which rolls back when it fails. */
gboolean               concierge_sqlite_worker_begin     (ConciergeSqliteWorker       *self,
                                                          GError                     **error);
gboolean               concierge_sqlite_worker_commit    (ConciergeSqliteWorker       *self,
                                                          GError                     **error);
void                   concierge_sqlite_worker_rollback  (ConciergeSqliteWorker       *self);

/* Times in both databases: microseconds since the Unix epoch in UTC, so
 * they sort and compare as integers and survive a change of time zone. */
gint64                 concierge_sqlite_time_to_usec     (GDateTime                   *time);
/* (transfer full) (nullable): in the local zone. */
GDateTime             *concierge_sqlite_time_from_usec   (gint64                       usec);

G_END_DECLS
