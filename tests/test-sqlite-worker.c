/* test-sqlite-worker.c: the SQLite worker shared by the log store and the directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What its users rely on: SQL runs on the worker thread only and jobs
 * complete on the main thread in queue order; a batch of writes commits
 * together and a failed write in it leaves none of its own changes; the
 * schema is migrated once and a newer one is refused untouched; a damaged
 * cache is moved aside only when the schema asks for it; closed, stopped
 * and cancelled jobs end with a clean error.
 */

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "concierge-sqlite-worker.h"

#define WAIT_SECONDS 30

static GQuark test_sqlite_error_quark (void);

G_DEFINE_QUARK (test-sqlite-error-quark, test_sqlite_error)

enum {
  TEST_FAILED = 1,
  TEST_TOO_NEW,
  TEST_CLOSED,
};

static const char * const migrations[] = {
  "CREATE TABLE items (name TEXT PRIMARY KEY NOT NULL);",
  "ALTER TABLE items ADD COLUMN note TEXT;",
};

static guint batches_committed;
static guint last_batch_size;

static void
count_batch (ConciergeSqliteWorker  *worker,
             sqlite3                *db,
             gpointer               *data,
             guint                   n_data)
{
  batches_committed++;
  last_batch_size = n_data;
}

static const ConciergeSqliteSchema schema = {
  .thread_name = "test-sqlite",
  .migrations = migrations,
  .n_migrations = G_N_ELEMENTS (migrations),
  .error_quark = test_sqlite_error_quark,
  .error_failed = TEST_FAILED,
  .error_too_new = TEST_TOO_NEW,
  .error_closed = TEST_CLOSED,
  .failed_label = "The test database could not be used",
  .too_new_message = "The test database is too new",
  .closed_message = "The test database is closed",
  .batch_committed = count_batch,
};

/* The same, for a cache that may be thrown away: made in main(). */
static ConciergeSqliteSchema cache_schema;

typedef struct {
  char                  *dir;
  char                  *path;
  GObject               *owner;
  ConciergeSqliteWorker *worker;
} Fixture;

/* One job's story: where it ran, how it ended. */
typedef struct {
  const char *name;     /* the row it inserts, or NULL */
  gboolean    fail;     /* fail after inserting */
  GThread    *ran_on;
  gboolean    done;
  GThread    *done_on;
  GError     *error;
  GPtrArray  *order;    /* (unowned): names in completion order */
  GMutex     *gate;     /* (unowned) (nullable): held until the test lets go */
} Step;

static void
step_run (ConciergeSqliteWorker  *worker,
          sqlite3                *db,
          gpointer                data,
          GError                **error)
{
  Step *step = data;

  step->ran_on = g_thread_self ();

  if (step->gate != NULL)
    {
      g_mutex_lock (step->gate);
      g_mutex_unlock (step->gate);
    }

  if (step->name != NULL)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      stmt = concierge_sqlite_worker_prepare (worker, "INSERT INTO items (name) VALUES (?)", error);

      if (stmt == NULL)
        return;
      sqlite3_bind_text (stmt, 1, step->name, -1, SQLITE_TRANSIENT);
      concierge_sqlite_worker_step_done (worker, stmt, error);
    }

  /* A statement that cannot work, after a write that did. */
  if (step->fail)
    concierge_sqlite_worker_exec (worker, "INSERT INTO no_such_table VALUES (1)", error);
}

static void
step_done (GObject *owner,
           GTask   *task,
           gpointer data,
           GError  *error)
{
  Step *step = data;

  step->done = TRUE;
  step->done_on = g_thread_self ();
  step->error = error;
  if (step->order != NULL)
    g_ptr_array_add (step->order, (gpointer) (step->name != NULL ? step->name : "-"));
  if (task != NULL)
    g_task_return_boolean (task, TRUE);
}

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_done (Step *step)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (WAIT_SECONDS, timed_out_cb, &timed_out);

  while (!step->done && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
push (Fixture                 *f,
      ConciergeSqliteJobFlags  flags,
      Step                    *step,
      GTask                   *task)
{
  concierge_sqlite_worker_push (f->worker, flags, step_run, step_done, step, NULL, task);
}

/* Runs SQL on the file from the test's own connection, after the worker
 * let go of it. */
static char *
sqlite_text (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
close_worker (Fixture *f)
{
  Step flushed = { 0 };

  concierge_sqlite_worker_close (f->worker, NULL);
  /* A NO_DB job after the close completes once the close is done. */
  push (f, CONCIERGE_SQLITE_JOB_NO_DB, &flushed, NULL);
  wait_done (&flushed);
  g_assert_no_error (flushed.error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-sqlite-worker-XXXXXX", &error);
  g_assert_no_error (error);
  /* A folder that does not exist yet: the worker makes it. */
  f->path = g_build_filename (f->dir, "sub", "test.db", NULL);
  f->owner = g_object_new (G_TYPE_OBJECT, NULL);
  f->worker = concierge_sqlite_worker_new (f->owner, f->path, data != NULL ? data : &schema);
  batches_committed = last_batch_size = 0;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  concierge_sqlite_worker_stop (f->worker);
  g_clear_object (&f->worker);
  g_clear_object (&f->owner);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_threads_and_order (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  Step steps[] = {
    { .name = "a", .order = order },
    { .name = "b", .order = order },
    { .name = NULL, .order = order },
    { .name = "c", .order = order },
  };
  g_autofree char *count = NULL;
  g_autofree char *version = NULL;

  push (f, CONCIERGE_SQLITE_JOB_DEFAULT, &steps[0], NULL);
  push (f, CONCIERGE_SQLITE_JOB_BATCH, &steps[1], NULL);
  push (f, CONCIERGE_SQLITE_JOB_NO_DB, &steps[2], NULL);
  push (f, CONCIERGE_SQLITE_JOB_BATCH, &steps[3], NULL);
  wait_done (&steps[3]);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      /* The SQL ran on the worker, the completion on this thread. */
      g_assert_nonnull (steps[i].ran_on);
      g_assert_true (steps[i].ran_on != g_thread_self ());
      g_assert_true (steps[i].done_on == g_thread_self ());
      g_assert_no_error (steps[i].error);
    }
  g_assert_cmpuint (order->len, ==, 4);
  g_assert_cmpstr (order->pdata[0], ==, "a");
  g_assert_cmpstr (order->pdata[1], ==, "b");
  g_assert_cmpstr (order->pdata[2], ==, "-");
  g_assert_cmpstr (order->pdata[3], ==, "c");

  close_worker (f);
  count = sqlite_text (f->path, "SELECT count(*) FROM items");
  g_assert_cmpstr (count, ==, "3");
  /* Both migrations ran, and WAL is on. */
  version = sqlite_text (f->path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "2");
  g_free (version);
  version = sqlite_text (f->path, "PRAGMA journal_mode");
  g_assert_cmpstr (version, ==, "wal");
}

static void
test_batch_savepoints (Fixture       *f,
                       gconstpointer  data)
{
  GMutex gate;
  Step opener = { .gate = &gate };
  Step first = { .name = "first" };
  Step failing = { .name = "failing", .fail = TRUE };
  Step last = { .name = "last" };
  g_autofree char *names = NULL;

  /* The worker waits in the first job while the batch queues up behind it. */
  g_mutex_init (&gate);
  g_mutex_lock (&gate);
  push (f, CONCIERGE_SQLITE_JOB_DEFAULT, &opener, NULL);
  push (f, CONCIERGE_SQLITE_JOB_BATCH, &first, NULL);
  push (f, CONCIERGE_SQLITE_JOB_BATCH, &failing, NULL);
  push (f, CONCIERGE_SQLITE_JOB_BATCH, &last, NULL);
  g_mutex_unlock (&gate);
  wait_done (&last);
  g_mutex_clear (&gate);

  /* One commit for the three; the failed job reports its own error. */
  g_assert_cmpuint (batches_committed, ==, 1);
  g_assert_cmpuint (last_batch_size, ==, 3);
  g_assert_no_error (first.error);
  g_assert_error (failing.error, test_sqlite_error_quark (), TEST_FAILED);
  g_assert_no_error (last.error);
  g_clear_error (&failing.error);

  /* Its insert went with it; its neighbours' stayed. */
  close_worker (f);
  names = sqlite_text (f->path, "SELECT group_concat(name, ',') "
                                "FROM (SELECT name FROM items ORDER BY name)");
  g_assert_cmpstr (names, ==, "first,last");
}

static void
test_schema_too_new (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *sub = g_path_get_dirname (f->path);
  g_autofree char *version = NULL;
  sqlite3 *db = NULL;
  Step step = { .name = "x" };

  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 7", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  push (f, CONCIERGE_SQLITE_JOB_DEFAULT, &step, NULL);
  wait_done (&step);
  g_assert_null (step.ran_on);
  g_assert_error (step.error, test_sqlite_error_quark (), TEST_TOO_NEW);
  g_clear_error (&step.error);

  close_worker (f);
  version = sqlite_text (f->path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "7");
}

/* Writes a file that is not a database where the worker expects one. */
static void
write_junk (const char *path)
{
  g_autofree char *sub = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "not a database, a shopping list: milk, eggs, bread, "
                                      "butter, cheese, apples, pears, rice, pasta, tomatoes\n",
                                      -1, NULL));
}

static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *aside = g_strconcat (f->path, ".damaged", NULL);
  g_autofree char *contents = NULL;
  Step step = { .name = "x" };

  write_junk (f->path);
  push (f, CONCIERGE_SQLITE_JOB_DEFAULT, &step, NULL);
  wait_done (&step);

  if (data == &cache_schema)
    {
      /* A cache starts again, and keeps the damaged file for a report. */
      g_assert_no_error (step.error);
      g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
    }
  else
    {
      /* A log is never thrown away behind the user's back. */
      g_assert_error (step.error, test_sqlite_error_quark (), TEST_FAILED);
      g_clear_error (&step.error);
      g_assert_false (g_file_test (aside, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
      g_assert_true (g_str_has_prefix (contents, "not a database"));
    }
}

static void
test_closed_stopped_cancelled (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) task = NULL;
  Step before = { .name = "before" };
  Step cancelled = { .name = "cancelled" };
  Step after_close = { .name = "after-close" };
  Step no_db = { 0 };
  Step after_stop = { 0 };
  g_autofree char *names = NULL;

  push (f, CONCIERGE_SQLITE_JOB_DEFAULT, &before, NULL);

  /* Cancelled before it starts: it does not run. */
  g_cancellable_cancel (cancellable);
  task = g_task_new (NULL, cancellable, NULL, NULL);
  push (f, CONCIERGE_SQLITE_JOB_BATCH, &cancelled, g_object_ref (task));

  /* After close, a job that needs the database fails; one that does not
   * still runs. */
  concierge_sqlite_worker_close (f->worker, NULL);
  push (f, CONCIERGE_SQLITE_JOB_BATCH, &after_close, NULL);
  push (f, CONCIERGE_SQLITE_JOB_NO_DB, &no_db, NULL);
  wait_done (&no_db);

  g_assert_no_error (before.error);
  g_assert_null (cancelled.ran_on);
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (after_close.ran_on);
  g_assert_error (after_close.error, test_sqlite_error_quark (), TEST_CLOSED);
  g_assert_nonnull (no_db.ran_on);
  g_assert_no_error (no_db.error);

  /* After stop, nothing runs any more, and nothing hangs. */
  concierge_sqlite_worker_stop (f->worker);
  push (f, CONCIERGE_SQLITE_JOB_NO_DB, &after_stop, NULL);
  wait_done (&after_stop);
  g_assert_null (after_stop.ran_on);
  g_assert_error (after_stop.error, test_sqlite_error_quark (), TEST_CLOSED);

  names = sqlite_text (f->path, "SELECT group_concat(name, ',') FROM items");
  g_assert_cmpstr (names, ==, "before");

  g_clear_error (&cancelled.error);
  g_clear_error (&after_close.error);
  g_clear_error (&after_stop.error);
}

static void
test_times (void)
{
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, 11, 20, 9, 30, 15.25);
  g_autoptr(GDateTime) back = NULL;
  gint64 usec = concierge_sqlite_time_to_usec (utc);

  /* Microseconds since the epoch in UTC, back in the local zone. */
  g_assert_cmpint (usec, ==, G_GINT64_CONSTANT (1795167015250000));
  back = concierge_sqlite_time_from_usec (usec);
  g_assert_true (g_date_time_equal (back, utc));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  cache_schema = schema;
  cache_schema.move_aside_damaged = TRUE;

  g_test_add ("/sqlite-worker/threads-and-order", Fixture, NULL,
              fixture_set_up, test_threads_and_order, fixture_tear_down);
  g_test_add ("/sqlite-worker/batch-savepoints", Fixture, NULL,
              fixture_set_up, test_batch_savepoints, fixture_tear_down);
  g_test_add ("/sqlite-worker/schema-too-new", Fixture, NULL,
              fixture_set_up, test_schema_too_new, fixture_tear_down);
  g_test_add ("/sqlite-worker/damaged/log", Fixture, &schema,
              fixture_set_up, test_damaged, fixture_tear_down);
  g_test_add ("/sqlite-worker/damaged/cache", Fixture, &cache_schema,
              fixture_set_up, test_damaged, fixture_tear_down);
  g_test_add ("/sqlite-worker/closed-stopped-cancelled", Fixture, NULL,
              fixture_set_up, test_closed_stopped_cancelled, fixture_tear_down);
  g_test_add_func ("/sqlite-worker/times", test_times);

  return g_test_run ();
}
