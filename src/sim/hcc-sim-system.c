/* hcc-sim-system.c: the System endpoints (catalogue §1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The replies copy the shapes of the guide's examples, including their odd
 * types: expireTime in seconds for token/get but a string of milliseconds for
 * streamtoken/get, counts as strings in servicepackage.
 */

#define G_LOG_DOMAIN "hcc-sim-system"

#include "config.h"

#include "hcc-sim-private.h"

#define DAY_MS (24 * 3600 * G_GINT64_CONSTANT (1000))

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  json_object_unref (object);
  return node;
}

static void
token_get (HccSim              *sim,
           const HccSimRequest *request,
           HccSimReply         *reply)
{
  g_autofree char *app_key = _hcc_sim_dup_string (request->object, "appKey");
  /* The table types secretKey as a Number (T3), so accept both. */
  g_autofree char *secret_key = _hcc_sim_dup_string (request->object, "secretKey");
  HccSimUser *user;
  JsonObject *data;
  const char *token;
  gint64 expire_ms;

  if (app_key == NULL || *app_key == '\0' || secret_key == NULL)
    {
      _hcc_sim_reply_error (reply, "OPEN000010", "appKey and secretKey are required");
      return;
    }

  user = hcc_sim_world_find_user_by_key (_hcc_sim_get_world (sim), app_key);
  if (user == NULL)
    {
      _hcc_sim_reply_error (reply, "OPEN000001", "APP_KEY_NOT_EXIST");
      return;
    }
  if (g_strcmp0 (user->secret_key, secret_key) != 0)
    {
      _hcc_sim_reply_error (reply, "OPEN000002", "SECRET_KEY_NOT_EQUALS");
      return;
    }

  /* Each login issues a new token; earlier ones stay valid until their own
   * expiry, since the guide does not say they are revoked. */
  token = _hcc_sim_issue_token (sim, user, &expire_ms);

  data = json_object_new ();
  json_object_set_string_member (data, "accessToken", token);
  /* Epoch seconds, as the guide's example prints it (T4). */
  json_object_set_int_member (data, "expireTime", expire_ms / 1000);
  json_object_set_string_member (data, "userId", user->id);
  json_object_set_string_member (data, "areaDomain", _hcc_sim_get_area_domain (sim));
  _hcc_sim_reply_data (reply, object_node (data));
}

static void
system_properties (HccSim              *sim,
                   const HccSimRequest *request,
                   HccSimReply         *reply)
{
  JsonObject *data = json_object_new ();

  json_object_set_string_member (data, "systemGUID", _hcc_sim_get_world (sim)->system_id);
  _hcc_sim_reply_data (reply, object_node (data));
}

static void
users_get (HccSim              *sim,
           const HccSimRequest *request,
           HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  gint64 page_index;
  gint64 page_size;
  JsonObject *data;
  JsonArray *users;

  if (!_hcc_sim_get_int (request->object, "pageIndex", &page_index) ||
      !_hcc_sim_get_int (request->object, "pageSize", &page_size) ||
      page_index < 1 || page_size < 1)
    {
      _hcc_sim_reply_error (reply, "OPEN000010", "pageIndex and pageSize are required");
      return;
    }
  if (page_size > 500)
    {
      _hcc_sim_reply_error (reply, "OPEN000025", "pageSize must be between 1 and 500");
      return;
    }

  users = json_array_new ();
  for (gint64 i = (page_index - 1) * page_size;
       i < page_index * page_size && i < world->users->len;
       i++)
    {
      HccSimUser *user = g_ptr_array_index (world->users, i);
      JsonObject *item = json_object_new ();

      json_object_set_string_member (item, "id", user->id);
      json_object_set_string_member (item, "name", user->name);
      json_array_add_object_element (users, item);
    }

  data = json_object_new ();
  /* The table calls it pages; the example counts records (T20). */
  json_object_set_int_member (data, "totalCount", world->users->len);
  json_object_set_int_member (data, "pageIndex", page_index);
  json_object_set_int_member (data, "pageSize", page_size);
  json_object_set_array_member (data, "user", users);
  _hcc_sim_reply_data (reply, object_node (data));
}

static void
service_package (HccSim              *sim,
                 const HccSimRequest *request,
                 HccSimReply         *reply)
{
  JsonObject *data = json_object_new ();
  JsonObject *overview = json_object_new ();
  JsonObject *details = json_object_new ();
  JsonArray *overview_list = json_array_new ();
  JsonArray *packages = json_array_new ();
  JsonObject *item;
  JsonObject *storage;
  g_autofree char *activation = NULL;
  g_autofree char *expiry = NULL;
  g_autofree char *cameras = NULL;
  g_autofree char *remaining = NULL;
  g_autofree char *total_text = NULL;
  guint n_cameras = _hcc_sim_get_world (sim)->cameras->len;
  guint total = MAX (64, n_cameras);

  /* Every count and time is a string, as in the guide's example (T5). */
  activation = g_strdup_printf ("%" G_GINT64_FORMAT, request->now_ms - 90 * DAY_MS);
  expiry = g_strdup_printf ("%" G_GINT64_FORMAT, request->now_ms + 275 * DAY_MS);
  cameras = g_strdup_printf ("%u", n_cameras);
  remaining = g_strdup_printf ("%u", total - n_cameras);
  total_text = g_strdup_printf ("%u", total);

  item = json_object_new ();
  json_object_set_string_member (item, "serviceType", "serviceVideo");
  json_object_set_string_member (item, "packageType", "3");
  json_object_set_string_member (item, "usingAmount", cameras);
  json_object_set_string_member (item, "remainingAmount", remaining);
  json_object_set_string_member (item, "totalAmount", total_text);
  json_object_set_string_member (item, "lastExpiredTime", expiry);
  json_object_set_int_member (item, "packageStatus", 0);
  storage = json_object_new ();
  json_object_set_string_member (storage, "usingAmountFor7Days", "0");
  json_object_set_string_member (storage, "usingAmountFor30Days", "0");
  json_object_set_string_member (storage, "remainingAmount", "0");
  json_object_set_object_member (item, "cloudStorage", storage);
  json_array_add_object_element (overview_list, item);
  json_object_set_array_member (overview, "servicePackageOverview", overview_list);

  item = json_object_new ();
  json_object_set_string_member (item, "serviceType", "serviceVideo");
  json_object_set_string_member (item, "packageType", "3");
  json_object_set_int_member (item, "purchaseAmount", total);
  json_object_set_string_member (item, "activationTime", activation);
  json_object_set_string_member (item, "expiredTime", expiry);
  json_object_set_array_member (item, "cloudStorage", json_array_new ());
  json_array_add_object_element (packages, item);
  json_object_set_array_member (details, "servicePackage", packages);

  json_object_set_object_member (data, "packageOverview", overview);
  json_object_set_object_member (data, "packageDetails", details);
  _hcc_sim_reply_data (reply, object_node (data));
}

static void
stream_token (HccSim              *sim,
              const HccSimRequest *request,
              HccSimReply         *reply)
{
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  GRand *rand = _hcc_sim_get_rand (sim);
  JsonObject *data = json_object_new ();
  GString *token = g_string_new ("at.");
  g_autofree char *expiry = NULL;
  g_autofree char *app_key = _hcc_sim_new_hex_id (sim);

  for (guint i = 0; i < 32; i++)
    g_string_append_c (token, alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]);
  /* A string of epoch milliseconds, unlike token/get's seconds (T4). */
  expiry = g_strdup_printf ("%" G_GINT64_FORMAT, request->now_ms + 7 * DAY_MS);

  json_object_set_string_member (data, "appKey", app_key);
  json_object_set_string_member (data, "appToken", token->str);
  /* No EZVIZ streaming here: the domain points back at the simulator. */
  json_object_set_string_member (data, "streamAreaDomain", _hcc_sim_get_base_url (sim));
  json_object_set_string_member (data, "expireTime", expiry);
  g_string_free (token, TRUE);
  _hcc_sim_reply_data (reply, object_node (data));
}

void
_hcc_sim_system_init (HccSim *sim)
{
  _hcc_sim_add_route (sim, "POST", "/platform/v1/token/get", HCC_SIM_ENVELOPE_MESSAGE, token_get);
  _hcc_sim_add_route (sim, "GET", "/platform/v1/systemproperties", HCC_SIM_ENVELOPE_MESSAGE,
                      system_properties);
  _hcc_sim_add_route (sim, "POST", "/platform/v1/users/get", HCC_SIM_ENVELOPE_MESSAGE, users_get);
  _hcc_sim_add_route (sim, "GET", "/platform/v1/servicepackage", HCC_SIM_ENVELOPE_MESSAGE,
                      service_package);
  _hcc_sim_add_route (sim, "GET", "/platform/v1/streamtoken/get", HCC_SIM_ENVELOPE_MESSAGE,
                      stream_token);
}
