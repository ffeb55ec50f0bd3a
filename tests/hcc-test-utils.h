/* hcc-test-utils.h: an in-process simulator and synchronous helpers for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulator runs on its own thread, so a test may call it with the
 * synchronous helpers below from the main thread or from any other thread
 * (each call uses a SoupSession of its own).
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "hcc-sim.h"

G_BEGIN_DECLS

typedef struct _HccTestSim HccTestSim;

typedef gboolean (*HccTestPredicate) (gpointer data);

/* Starts a simulator on free loopback ports; aborts the test on failure.
 * With @tls the API is served over HTTPS with a fresh certificate, which
 * the helpers trust. */
HccTestSim *hcc_test_sim_new            (guint64       seed,
                                         guint         residents,
                                         gboolean      tls);
/* The same, with the simulator's --demo calls on when @demo is TRUE. */
HccTestSim *hcc_test_sim_new_full       (guint64       seed,
                                         guint         residents,
                                         gboolean      tls,
                                         gboolean      demo);
/* Stops the simulator and removes the certificate. */
void        hcc_test_sim_free           (HccTestSim   *sim);

HccSim     *hcc_test_sim_get_sim        (HccTestSim   *sim);
/* "http(s)://127.0.0.1:PORT", without the /api/hccgw prefix. */
const char *hcc_test_sim_get_base_url   (HccTestSim   *sim);
/* "http://127.0.0.1:PORT", without /control. */
const char *hcc_test_sim_get_control_url (HccTestSim  *sim);
/* (nullable) the PEM certificate (CA file) with @tls, else NULL. */
const char *hcc_test_sim_get_cert_path  (HccTestSim   *sim);

/* Calls the control port: @method "GET", "POST" or "DELETE", @path such as
 * "/control/calls", @body_json a JSON text or NULL. Returns the parsed reply
 * (NULL when it is not JSON) and the HTTP status in @status (0 on a
 * transport error). */
JsonNode   *hcc_test_sim_control        (HccTestSim   *sim,
                                         const char   *method,
                                         const char   *path,
                                         const char   *body_json,
                                         guint        *status);
/* Calls the API: @path below /api/hccgw (e.g. "/platform/v1/token/get").
 * POST with @body_json, or GET when @body_json is NULL. @token goes into the
 * Token header when not NULL. Returns the whole envelope (NULL when the body
 * is not JSON) and the HTTP status in @status (0 on a transport error). */
JsonNode   *hcc_test_sim_api            (HccTestSim   *sim,
                                         const char   *path,
                                         const char   *token,
                                         const char   *body_json,
                                         guint        *status);
/* The same against another base URL (the areaDomain, say); also returns the
 * raw body in @raw when not NULL. */
JsonNode   *hcc_test_sim_api_at         (HccTestSim   *sim,
                                         const char   *base_url,
                                         const char   *path,
                                         const char   *token,
                                         const char   *body_json,
                                         guint        *status,
                                         char        **raw);
/* Logs in with the demo AK/SK and returns the access token. Aborts the test
 * when that fails. */
char       *hcc_test_sim_login          (HccTestSim   *sim);

/* Sets the simulator's request limit (5 per second per token, as the
 * platform's, unless changed): tests that are not about the limit may lift
 * it. Aborts the test on failure. */
void        hcc_test_sim_set_rate_limit (HccTestSim   *sim,
                                         guint         per_second);

/* Iterates the thread-default main context until @predicate returns TRUE
 * (then TRUE) or @timeout_ms passes (then FALSE). */
gboolean    hcc_test_wait_until         (HccTestPredicate  predicate,
                                         gpointer          data,
                                         guint             timeout_ms);

/* Small readers for replies: the member at a dotted path such as
 * "data.accessToken" (NULL when missing). */
JsonNode   *hcc_test_json_get           (JsonNode     *node,
                                         const char   *dotted_path);
const char *hcc_test_json_get_string    (JsonNode     *node,
                                         const char   *dotted_path);
gint64      hcc_test_json_get_int       (JsonNode     *node,
                                         const char   *dotted_path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HccTestSim, hcc_test_sim_free)

G_END_DECLS
