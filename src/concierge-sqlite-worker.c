/* concierge-sqlite-worker.c: one SQLite database on one worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-sqlite"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "concierge-sqlite-worker.h"

/* The most batch jobs committed together. */
#define MAX_BATCH 256

typedef enum {
  JOB_RUN,
  JOB_CLOSE,
  JOB_STOP,
} JobKind;

typedef struct
{
  JobKind                  kind;
  ConciergeSqliteJobFlags  flags;
  ConciergeSqliteRunFunc   run;          /* (nullable) */
  ConciergeSqliteDoneFunc  done;         /* (nullable) */
  gpointer                 data;         /* (owned) (nullable) */
  GDestroyNotify           data_free;
  GTask                   *task;         /* (owned) (nullable): main thread only */
  GCancellable            *cancellable;  /* (owned) (nullable): the task's */
  GError                  *error;        /* (owned) (nullable): written by the worker */
} Job;

/* A run of finished jobs on its way back to the main context. */
typedef struct
{
  ConciergeSqliteWorker *worker;  /* (owned) */
  GPtrArray             *jobs;    /* (owned) of Job, each owned */
} HandBack;

struct _ConciergeSqliteWorker
{
  GObject                      parent_instance;

  const ConciergeSqliteSchema *schema;        /* (unowned): static */
  char                        *path;          /* (owned) */
  GAsyncQueue                 *queue;         /* (owned) of Job */
  GMainContext                *main_context;  /* (owned) */
  GWeakRef                     owner;
  GThread                     *thread;        /* (owned) (nullable): NULL if it did not start */
  GError                      *start_error;   /* (owned) (nullable): why it did not */
  gboolean                     stopped;       /* main thread: no more jobs */

  /* Touched by the worker thread only. */
  GThread                     *worker_thread; /* (unowned) */
  sqlite3                     *db;            /* (owned) (nullable) */
  GHashTable                  *statements;    /* (owned) (nullable): SQL address -> sqlite3_stmt */
  gboolean                     closed;
};

G_DEFINE_FINAL_TYPE (ConciergeSqliteWorker, concierge_sqlite_worker, G_TYPE_OBJECT)

static void
assert_worker_thread (ConciergeSqliteWorker *self)
{
  /* The rule this type exists for: no sqlite3 call on any other thread. */
  g_assert (g_thread_self () == self->worker_thread);
}

static void
job_free (Job *job)
{
  if (job->data_free != NULL)
    g_clear_pointer (&job->data, job->data_free);
  g_clear_object (&job->task);
  g_clear_object (&job->cancellable);
  g_clear_error (&job->error);
  g_free (job);
}

static GError *
closed_error (ConciergeSqliteWorker *self)
{
  return g_error_new_literal (self->schema->error_quark (), self->schema->error_closed,
                              _(self->schema->closed_message));
}

/* ------------------------------------------------------------------ */
/* Handing jobs back (main thread)                                      */

static void
job_complete (ConciergeSqliteWorker *self,
              Job                   *job)
{
  g_autoptr(GObject) owner = g_weak_ref_get (&self->owner);

  if (job->done != NULL)
    job->done (owner, job->task, job->data, g_steal_pointer (&job->error));
  else if (job->task != NULL && job->error != NULL)
    g_task_return_error (job->task, g_steal_pointer (&job->error));
  else if (job->task != NULL)
    g_task_return_boolean (job->task, TRUE);
  else if (job->error != NULL)
    g_debug ("A job on %s failed: %s", self->path, job->error->message);

  job_free (job);
}

static gboolean
hand_back_cb (gpointer data)
{
  HandBack *back = data;

  /* In queue order, so a job's completion follows the ones before it. */
  for (guint i = 0; i < back->jobs->len; i++)
    job_complete (back->worker, g_ptr_array_index (back->jobs, i));
  g_ptr_array_set_size (back->jobs, 0);

  return G_SOURCE_REMOVE;
}

static void
hand_back_free (gpointer data)
{
  HandBack *back = data;

  /* Jobs never completed (the context went away) are still freed. */
  g_ptr_array_foreach (back->jobs, (GFunc) job_free, NULL);
  g_ptr_array_unref (back->jobs);
  g_object_unref (back->worker);
  g_free (back);
}

/* Takes @jobs. From any thread: the jobs complete on the main context. */
static void
hand_back (ConciergeSqliteWorker *self,
           GPtrArray             *jobs)
{
  HandBack *back = g_new0 (HandBack, 1);
  GSource *source;

  back->worker = g_object_ref (self);
  back->jobs = jobs;

  /* An idle source rather than g_main_context_invoke(), which may run the
   * callback right here when this thread can acquire the context. One
   * source per batch keeps the main loop's wake-ups down in a burst. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, hand_back_cb, back, hand_back_free);
  g_source_set_static_name (source, "[concierge] sqlite jobs done");
  g_source_attach (source, self->main_context);
  g_source_unref (source);
}

/* ------------------------------------------------------------------ */
/* Opening and migrating (worker thread)                                */

static gboolean
query_int (ConciergeSqliteWorker  *self,
           const char             *sql,
           gint64                 *value,
           GError                **error)
{
  sqlite3_stmt *stmt = concierge_sqlite_worker_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  else
    concierge_sqlite_worker_set_error (self, error);
  sqlite3_finalize (stmt);

  return rc == SQLITE_ROW;
}

static gboolean
migrate (ConciergeSqliteWorker  *self,
         GError                **error)
{
  const ConciergeSqliteSchema *schema = self->schema;
  g_autofree char *set_version = NULL;
  gint64 version = 0;

  if (!query_int (self, "PRAGMA user_version", &version, error))
    return FALSE;

  /* A database written by a newer Concierge is left alone rather than
   * misread: the user can still go back to that version. */
  if (version > schema->n_migrations)
    {
      g_set_error_literal (error, schema->error_quark (), schema->error_too_new,
                           _(schema->too_new_message));
      return FALSE;
    }

  if (version == schema->n_migrations)
    return TRUE;

  /* All steps and the new version number commit together, or not at all. */
  if (!concierge_sqlite_worker_begin (self, error))
    return FALSE;

  for (gint64 v = version; v < schema->n_migrations; v++)
    {
      g_debug ("Migrating %s from version %" G_GINT64_FORMAT, self->path, v);
      if (!concierge_sqlite_worker_exec (self, schema->migrations[v], error))
        {
          concierge_sqlite_worker_rollback (self);
          return FALSE;
        }
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %u", schema->n_migrations);
  if (!concierge_sqlite_worker_exec (self, set_version, error))
    {
      concierge_sqlite_worker_rollback (self);
      return FALSE;
    }

  return concierge_sqlite_worker_commit (self, error);
}

static void
close_db (ConciergeSqliteWorker *self)
{
  if (self->db == NULL)
    return;

  g_clear_pointer (&self->statements, g_hash_table_unref);

  /* sqlite3_close_v2 checkpoints the WAL into the main file and removes it
   * when this is the last connection. */
  if (sqlite3_close_v2 (self->db) != SQLITE_OK)
    g_debug ("Closing %s: %s", self->path, sqlite3_errmsg (self->db));
  self->db = NULL;
}

/* Opens, configures and migrates the file into self->db. On failure the
 * connection is closed again; @damaged says whether the file is not a
 * database or is corrupt. */
static gboolean
open_connection (ConciergeSqliteWorker  *self,
                 gboolean               *damaged,
                 GError                **error)
{
  g_autofree char *journal_mode = NULL;
  sqlite3_stmt *stmt;
  int code;

  *damaged = FALSE;

  /* NOMUTEX: the connection is only ever used by this thread. */
  if (sqlite3_open_v2 (self->path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    goto fail;

  /* Another process (a second instance, a backup tool) may hold a lock for
   * a moment: wait for it here on the worker rather than fail. */
  sqlite3_busy_timeout (self->db, 5000);

  /* WAL: a commit appends to the log file and readers never block writers.
   * synchronous=NORMAL: in WAL mode a commit is then written but not
   * fsync()ed; it survives the app crashing or being killed (the data is
   * in the kernel's page cache) and the file can never be corrupted, but
   * the last commits before a power cut may be lost. No fsync stall per
   * event, and nothing a crash can break. */
  if ((stmt = concierge_sqlite_worker_prepare (self, "PRAGMA journal_mode = WAL", error)) == NULL)
    goto fail;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    journal_mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (journal_mode == NULL)
    {
      concierge_sqlite_worker_set_error (self, error);
      goto fail;
    }
  if (g_strcmp0 (journal_mode, "wal") != 0)
    g_debug ("%s is in journal mode %s, not WAL", self->path, journal_mode);

  /* The set-up first: migrations may use the functions it registers. */
  if (!concierge_sqlite_worker_exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !concierge_sqlite_worker_exec (self, "PRAGMA foreign_keys = ON", error) ||
      (self->schema->setup != NULL && !self->schema->setup (self->db, error)) ||
      !migrate (self, error))
    goto fail;

  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
  return TRUE;

fail:
  if (error != NULL && *error == NULL)
    concierge_sqlite_worker_set_error (self, error);
  code = self->db != NULL ? sqlite3_errcode (self->db) & 0xff : SQLITE_NOMEM;
  *damaged = code == SQLITE_NOTADB || code == SQLITE_CORRUPT;
  sqlite3_close (self->db);
  self->db = NULL;
  return FALSE;
}

/* Moves a damaged file aside, for a bug report, with its WAL and shared
 * memory files, which belong to it. */
static gboolean
move_aside (ConciergeSqliteWorker *self)
{
  g_autofree char *aside = g_strconcat (self->path, ".damaged", NULL);
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);

  if (g_rename (self->path, aside) != 0)
    return FALSE;

  g_unlink (wal);
  g_unlink (shm);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Running jobs (worker thread)                                         */

/* Whether @job may run; else its error says why. @db is the connection
 * it gets (NULL for a NO_DB job). */
static gboolean
job_ready (ConciergeSqliteWorker  *self,
           Job                    *job,
           sqlite3               **db)
{
  *db = NULL;

  if (job->cancellable != NULL && g_cancellable_is_cancelled (job->cancellable))
    {
      g_set_error_literal (&job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The operation was cancelled"));
      return FALSE;
    }

  if (job->flags & CONCIERGE_SQLITE_JOB_NO_DB)
    return TRUE;

  *db = concierge_sqlite_worker_get_db (self, &job->error);
  return *db != NULL;
}

/* A batch job in a savepoint of its own: when it fails, its own changes
 * go and the rest of the batch stays. */
static void
run_in_savepoint (ConciergeSqliteWorker *self,
                  sqlite3               *db,
                  Job                   *job)
{
  if (!concierge_sqlite_worker_exec (self, "SAVEPOINT job", &job->error))
    return;

  if (job->run != NULL)
    job->run (self, db, job->data, &job->error);

  /* Some errors (disk full, I/O) end the whole transaction by themselves. */
  if (sqlite3_get_autocommit (db))
    return;

  if (job->error != NULL)
    sqlite3_exec (db, "ROLLBACK TO job", NULL, NULL, NULL);
  sqlite3_exec (db, "RELEASE job", NULL, NULL, NULL);
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
    }
}

/* Runs @first and the batch jobs queued right behind it in one
 * transaction: a burst of events (a reconnect replays the event stream)
 * costs one commit instead of one per event. Every job of the batch is
 * handed back only after COMMIT, so a completion always means "on disk".
 * Returns the first queued job that is not part of the batch, if one was
 * taken from the queue. */
static Job *
run_batch (ConciergeSqliteWorker *self,
           sqlite3               *db,
           Job                   *first,
           GPtrArray             *batch)
{
  g_autoptr(GError) error = NULL;
  g_autofree gpointer *data = NULL;
  Job *job = first;
  Job *next = NULL;
  sqlite3 *unused;

  if (!concierge_sqlite_worker_begin (self, &first->error))
    {
      g_ptr_array_add (batch, first);
      return NULL;
    }

  for (;;)
    {
      if (job == first || job_ready (self, job, &unused))
        run_in_savepoint (self, db, job);
      g_ptr_array_add (batch, job);

      if (sqlite3_get_autocommit (db))
        {
          g_set_error (&error, self->schema->error_quark (), self->schema->error_failed,
                       "%s", _(self->schema->failed_label));
          fail_batch (batch, job->error != NULL ? job->error : error);
          return NULL;
        }

      if (batch->len >= MAX_BATCH ||
          (next = g_async_queue_try_pop (self->queue)) == NULL ||
          next->kind != JOB_RUN || !(next->flags & CONCIERGE_SQLITE_JOB_BATCH))
        break;

      job = g_steal_pointer (&next);
    }

  if (!concierge_sqlite_worker_commit (self, &error))
    {
      fail_batch (batch, error);
      return next;
    }

  if (self->schema->batch_committed != NULL)
    {
      data = g_new (gpointer, batch->len);
      for (guint i = 0; i < batch->len; i++)
        data[i] = ((Job *) g_ptr_array_index (batch, i))->data;
      self->schema->batch_committed (self, db, data, batch->len);
    }

  return next;
}

static gpointer
worker_thread (gpointer user_data)
{
  ConciergeSqliteWorker *self = user_data;  /* the thread's own reference */
  Job *next = NULL;
  gboolean stop = FALSE;

  self->worker_thread = g_thread_self ();

  while (!stop)
    {
      Job *job = next != NULL ? g_steal_pointer (&next) : g_async_queue_pop (self->queue);
      GPtrArray *done = g_ptr_array_new ();
      sqlite3 *db = NULL;

      switch (job->kind)
        {
        case JOB_STOP:
          stop = TRUE;
          close_db (self);
          g_ptr_array_add (done, job);
          break;

        case JOB_CLOSE:
          close_db (self);
          self->closed = TRUE;
          g_ptr_array_add (done, job);
          break;

        case JOB_RUN:
          if (!job_ready (self, job, &db))
            g_ptr_array_add (done, job);
          else if (job->flags & CONCIERGE_SQLITE_JOB_BATCH)
            next = run_batch (self, db, job, done);
          else
            {
              if (job->run != NULL)
                job->run (self, db, job->data, &job->error);
              g_ptr_array_add (done, job);
            }
          break;

        default:
          g_assert_not_reached ();
        }

      hand_back (self, done);
    }

  g_object_unref (self);

  return NULL;
}

/* ------------------------------------------------------------------ */
/* GObject                                                              */

static void
concierge_sqlite_worker_finalize (GObject *object)
{
  ConciergeSqliteWorker *self = CONCIERGE_SQLITE_WORKER (object);

  /* The thread closed the database before it let go. */
  g_assert (self->db == NULL);

  g_clear_pointer (&self->thread, g_thread_unref);
  g_clear_pointer (&self->queue, g_async_queue_unref);
  g_clear_pointer (&self->main_context, g_main_context_unref);
  g_clear_error (&self->start_error);
  g_weak_ref_clear (&self->owner);
  g_free (self->path);

  G_OBJECT_CLASS (concierge_sqlite_worker_parent_class)->finalize (object);
}

static void
concierge_sqlite_worker_class_init (ConciergeSqliteWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = concierge_sqlite_worker_finalize;
}

static void
concierge_sqlite_worker_init (ConciergeSqliteWorker *self)
{
  self->queue = g_async_queue_new ();
}

/* ------------------------------------------------------------------ */
/* Public API (main thread)                                             */

ConciergeSqliteWorker *
concierge_sqlite_worker_new (GObject                     *owner,
                             const char                  *path,
                             const ConciergeSqliteSchema *schema)
{
  ConciergeSqliteWorker *self;

  g_return_val_if_fail (owner == NULL || G_IS_OBJECT (owner), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (schema != NULL && schema->error_quark != NULL, NULL);

  self = g_object_new (CONCIERGE_TYPE_SQLITE_WORKER, NULL);
  self->schema = schema;
  self->path = g_strdup (path);
  self->main_context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&self->owner, owner);

  self->thread = g_thread_try_new (schema->thread_name, worker_thread, g_object_ref (self),
                                   &self->start_error);
  if (self->thread == NULL)
    {
      /* Every job then ends at once with this error. */
      g_debug ("No worker thread for %s: %s", path, self->start_error->message);
      g_object_unref (self);  /* the reference meant for the thread */
    }

  return self;
}

const char *
concierge_sqlite_worker_get_path (ConciergeSqliteWorker *self)
{
  g_return_val_if_fail (CONCIERGE_IS_SQLITE_WORKER (self), NULL);

  return self->path;
}

static void
queue_job (ConciergeSqliteWorker *self,
           Job                   *job)
{
  if (self->thread == NULL || self->stopped)
    {
      GPtrArray *jobs = g_ptr_array_new ();

      job->error = self->start_error != NULL ? g_error_copy (self->start_error)
                                             : closed_error (self);
      g_ptr_array_add (jobs, job);
      hand_back (self, jobs);
      return;
    }

  g_async_queue_push (self->queue, job);
}

static Job *
job_new (JobKind  kind,
         GTask   *task)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->task = task;
  if (task != NULL && g_task_get_cancellable (task) != NULL)
    job->cancellable = g_object_ref (g_task_get_cancellable (task));

  return job;
}

void
concierge_sqlite_worker_push (ConciergeSqliteWorker   *self,
                              ConciergeSqliteJobFlags  flags,
                              ConciergeSqliteRunFunc   run,
                              ConciergeSqliteDoneFunc  done,
                              gpointer                 data,
                              GDestroyNotify           data_free,
                              GTask                   *task)
{
  Job *job;

  g_return_if_fail (CONCIERGE_IS_SQLITE_WORKER (self));
  g_return_if_fail (task == NULL || G_IS_TASK (task));

  job = job_new (JOB_RUN, task);
  job->flags = flags;
  job->run = run;
  job->done = done;
  job->data = data;
  job->data_free = data_free;
  queue_job (self, job);
}

void
concierge_sqlite_worker_close (ConciergeSqliteWorker *self,
                               GTask                 *task)
{
  g_return_if_fail (CONCIERGE_IS_SQLITE_WORKER (self));
  g_return_if_fail (task == NULL || G_IS_TASK (task));

  queue_job (self, job_new (JOB_CLOSE, task));
}

void
concierge_sqlite_worker_stop (ConciergeSqliteWorker *self)
{
  g_return_if_fail (CONCIERGE_IS_SQLITE_WORKER (self));

  if (self->stopped)
    return;

  /* Joining the thread here would block the main loop: it ends on its own
   * once it reaches this job, and drops its reference then. */
  if (self->thread != NULL)
    g_async_queue_push (self->queue, job_new (JOB_STOP, NULL));
  self->stopped = TRUE;
}

/* ------------------------------------------------------------------ */
/* Public API (worker thread)                                           */

sqlite3 *
concierge_sqlite_worker_get_db (ConciergeSqliteWorker  *self,
                                GError                **error)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean damaged;

  g_return_val_if_fail (CONCIERGE_IS_SQLITE_WORKER (self), NULL);
  assert_worker_thread (self);

  if (self->db != NULL)
    return self->db;

  if (self->closed)
    {
      g_propagate_error (error, closed_error (self));
      return NULL;
    }

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: the first %s is a folder, the second the system's reason. */
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  if (!open_connection (self, &damaged, &local_error) &&
      damaged && self->schema->move_aside_damaged)
    {
      g_debug ("%s is damaged (%s); starting a new one", self->path, local_error->message);
      g_clear_error (&local_error);
      if (!move_aside (self))
        g_set_error (&local_error, self->schema->error_quark (), self->schema->error_failed,
                     /* Translators: %s is the path of the file. */
                     _("The damaged file %s could not be moved aside"), self->path);
      else
        open_connection (self, &damaged, &local_error);
    }

  if (self->db == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  g_debug ("Opened %s", self->path);
  return self->db;
}

sqlite3_stmt *
concierge_sqlite_worker_statement (ConciergeSqliteWorker  *self,
                                   const char             *sql,
                                   GError                **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCIERGE_IS_SQLITE_WORKER (self), NULL);
  assert_worker_thread (self);
  g_return_val_if_fail (self->db != NULL, NULL);

  if ((stmt = g_hash_table_lookup (self->statements, sql)) != NULL)
    return stmt;

  /* Parsing the SQL was most of the cost of a write on the hot paths. */
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      concierge_sqlite_worker_set_error (self, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

void
concierge_sqlite_worker_release (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

sqlite3_stmt *
concierge_sqlite_worker_prepare (ConciergeSqliteWorker  *self,
                                 const char             *sql,
                                 GError                **error)
{
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CONCIERGE_IS_SQLITE_WORKER (self), NULL);
  assert_worker_thread (self);

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      concierge_sqlite_worker_set_error (self, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

gboolean
concierge_sqlite_worker_exec (ConciergeSqliteWorker  *self,
                              const char             *sql,
                              GError                **error)
{
  char *message = NULL;

  g_return_val_if_fail (CONCIERGE_IS_SQLITE_WORKER (self), FALSE);
  assert_worker_thread (self);

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, self->schema->error_quark (), self->schema->error_failed,
                   "%s: %s", _(self->schema->failed_label),
                   message != NULL ? message : sqlite3_errmsg (self->db));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

gboolean
concierge_sqlite_worker_step_done (ConciergeSqliteWorker  *self,
                                   sqlite3_stmt           *stmt,
                                   GError                **error)
{
  gboolean done;

  g_return_val_if_fail (CONCIERGE_IS_SQLITE_WORKER (self), FALSE);
  assert_worker_thread (self);

  done = sqlite3_step (stmt) == SQLITE_DONE;
  if (!done)
    concierge_sqlite_worker_set_error (self, error);
  concierge_sqlite_worker_release (stmt);

  return done;
}

void
concierge_sqlite_worker_set_error (ConciergeSqliteWorker  *self,
                                   GError                **error)
{
  g_return_if_fail (CONCIERGE_IS_SQLITE_WORKER (self));
  assert_worker_thread (self);

  g_set_error (error, self->schema->error_quark (), self->schema->error_failed,
               "%s: %s", _(self->schema->failed_label),
               self->db != NULL ? sqlite3_errmsg (self->db) : "out of memory");
}

gboolean
concierge_sqlite_worker_begin (ConciergeSqliteWorker  *self,
                               GError                **error)
{
  return concierge_sqlite_worker_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
concierge_sqlite_worker_commit (ConciergeSqliteWorker  *self,
                                GError                **error)
{
  if (concierge_sqlite_worker_exec (self, "COMMIT", error))
    return TRUE;

  concierge_sqlite_worker_rollback (self);
  return FALSE;
}

void
concierge_sqlite_worker_rollback (ConciergeSqliteWorker *self)
{
  g_return_if_fail (CONCIERGE_IS_SQLITE_WORKER (self));
  assert_worker_thread (self);

  /* After a failed COMMIT the transaction may be gone already. */
  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gint64
concierge_sqlite_time_to_usec (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

GDateTime *
concierge_sqlite_time_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) exact = NULL;

  utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  if (utc == NULL)
    return NULL;
  exact = g_date_time_add (utc, usec % G_USEC_PER_SEC);
  return g_date_time_to_local (exact);
}
