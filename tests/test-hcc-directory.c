/* test-hcc-directory.c: buildings, rooms and residents against hcc-sim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-hcc-services.h"

typedef enum {
  LIST_BUILDINGS,
  LIST_ROOMS,
  LIST_RESIDENTS,
} ListKind;

static GListModel *
list (HccClient  *client,
      ListKind    kind,
      const char *building_id,
      const char *query)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model = NULL;

  switch (kind)
    {
    case LIST_BUILDINGS:
      hcc_directory_list_buildings_async (client, NULL, test_store_result_cb, &slot);
      result = test_wait_result (&slot);
      model = hcc_directory_list_buildings_finish (client, result, &error);
      break;

    case LIST_ROOMS:
      hcc_directory_list_rooms_async (client, building_id, NULL, test_store_result_cb, &slot);
      result = test_wait_result (&slot);
      model = hcc_directory_list_rooms_finish (client, result, &error);
      break;

    case LIST_RESIDENTS:
      hcc_directory_search_residents_async (client, building_id, query, NULL,
                                            test_store_result_cb, &slot);
      result = test_wait_result (&slot);
      model = hcc_directory_search_residents_finish (client, result, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  g_assert_no_error (error);
  g_assert_nonnull (model);
  return model;
}

typedef enum {
  WRITE_ADD,
  WRITE_UPDATE,
  WRITE_UNLINK,
  WRITE_DELETE,
} WriteKind;

static gboolean
write_resident (HccClient   *client,
                WriteKind    kind,
                HccResident *resident,
                GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  const char *ids[] = { resident != NULL ? hcc_resident_get_id (resident) : NULL, NULL };

  switch (kind)
    {
    case WRITE_ADD:
      hcc_directory_add_resident_async (client, resident, NULL, NULL, test_store_result_cb, &slot);
      result = test_wait_result (&slot);
      return hcc_directory_add_resident_finish (client, result, error);

    case WRITE_UPDATE:
      hcc_directory_update_resident_async (client, resident, NULL, NULL, test_store_result_cb, &slot);
      result = test_wait_result (&slot);
      return hcc_directory_update_resident_finish (client, result, error);

    case WRITE_UNLINK:
      hcc_directory_unlink_residents_async (client, ids, NULL, test_store_result_cb, &slot);
      result = test_wait_result (&slot);
      return hcc_directory_unlink_residents_finish (client, result, error);

    case WRITE_DELETE:
      hcc_directory_delete_persons_async (client, ids, NULL, test_store_result_cb, &slot);
      result = test_wait_result (&slot);
      return hcc_directory_delete_persons_finish (client, result, error);

    default:
      g_assert_not_reached ();
    }
}

static void
test_buildings_and_rooms (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (3, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(GListModel) buildings = list (client, LIST_BUILDINGS, NULL, NULL);
  g_autoptr(GListModel) rooms = list (client, LIST_ROOMS, NULL, NULL);
  g_autoptr(HccBuilding) building = NULL;
  g_autoptr(GListModel) some = NULL;
  guint n_rooms = 0;

  g_assert_cmpuint (g_list_model_get_n_items (buildings), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (buildings); i++)
    {
      g_autoptr(HccBuilding) b = g_list_model_get_item (buildings, i);

      g_assert_nonnull (hcc_building_get_id (b));
      g_assert_nonnull (hcc_building_get_name (b));
      n_rooms += hcc_building_get_total_rooms (b);
    }

  /* Every room of every building arrives, over several pages. */
  g_assert_cmpuint (g_list_model_get_n_items (rooms), >=, 60);
  g_assert_cmpuint (g_list_model_get_n_items (rooms), ==, n_rooms);

  building = g_list_model_get_item (buildings, 0);
  some = list (client, LIST_ROOMS, hcc_building_get_id (building), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (some), ==, hcc_building_get_total_rooms (building));
  for (guint i = 0; i < g_list_model_get_n_items (some); i++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (some, i);

      g_assert_cmpstr (hcc_room_get_building_id (room), ==, hcc_building_get_id (building));
      g_assert_nonnull (hcc_room_get_number (room));
    }
}

static void
test_search_sends_both_keys (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (3, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(HccResident) someone = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  JsonNode *body;

  test_clear_requests (sim);
  all = list (client, LIST_RESIDENTS, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (all), >=, 150);

  sent = test_requests_for (sim, "/vims/v1/person/search");
  /* 1-based pages, one after another. */
  g_assert_cmpuint (sent->len, >=, 1);
  for (guint i = 0; i < sent->len; i++)
    {
      body = g_ptr_array_index (sent, i);
      g_assert_cmpint (hcc_test_json_get_int (body, "pageNum"), ==, i + 1);
      g_assert_cmpstr (hcc_test_json_get_string (body, "searchCriteria.areaId"), ==, "-1");
      g_assert_cmpstr (hcc_test_json_get_string (body, "searchRequest.areaId"), ==, "-1");
    }

  someone = g_list_model_get_item (all, 7);
  g_assert_nonnull (hcc_resident_get_id (someone));
  g_assert_cmpuint (g_list_model_get_n_items (hcc_resident_get_rooms (someone)), >=, 1);

  found = list (client, LIST_RESIDENTS, NULL, hcc_resident_get_last_name (someone));
  g_assert_cmpuint (g_list_model_get_n_items (found), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (found), <, g_list_model_get_n_items (all));

  g_ptr_array_unref (sent);
  sent = test_requests_for (sim, "/vims/v1/person/search");
  body = g_ptr_array_index (sent, sent->len - 1);
  g_assert_cmpstr (hcc_test_json_get_string (body, "searchCriteria.filter.name"), ==,
                   hcc_resident_get_last_name (someone));
  g_assert_cmpstr (hcc_test_json_get_string (body, "searchRequest.filter.name"), ==,
                   hcc_resident_get_last_name (someone));
}

/* Two rooms that have a householder and space for one more person. */
static void
pick_rooms (HccClient *client,
            HccRoom  **first,
            HccRoom  **second)
{
  g_autoptr(GListModel) rooms = list (client, LIST_ROOMS, NULL, NULL);

  *first = *second = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (rooms, i);

      if (hcc_room_get_person_amount (room) < 1 || hcc_room_get_person_amount (room) > 3)
        continue;
      if (*first == NULL)
        *first = g_steal_pointer (&room);
      else if (*second == NULL)
        *second = g_steal_pointer (&room);
      else
        break;
    }

  g_assert_nonnull (*first);
  g_assert_nonnull (*second);
}

static HccResident *
find_resident (HccClient  *client,
               const char *id,
               const char *name)
{
  g_autoptr(GListModel) found = list (client, LIST_RESIDENTS, NULL, name);

  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(HccResident) resident = g_list_model_get_item (found, i);

      if (g_strcmp0 (hcc_resident_get_id (resident), id) == 0)
        return g_steal_pointer (&resident);
    }

  return NULL;
}

static HccResident *
new_resident (HccRoom *first,
              HccRoom *second)
{
  HccResident *resident = hcc_resident_new ();
  g_autoptr(GListStore) rooms = g_list_store_new (HCC_TYPE_ROOM);

  hcc_resident_set_first_name (resident, "Zelda");
  hcc_resident_set_last_name (resident, "Quackenbush");
  hcc_resident_set_email (resident, "zelda.quackenbush@example.org");
  hcc_resident_set_phone (resident, "+44 20 7946 0000");
  hcc_resident_set_language (resident, "de");
  g_list_store_append (rooms, first);
  if (second != NULL)
    g_list_store_append (rooms, second);
  hcc_resident_set_rooms (resident, G_LIST_MODEL (rooms));

  return resident;
}

static void
test_add_update_unlink_delete (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (3, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(HccRoom) first = NULL;
  g_autoptr(HccRoom) second = NULL;
  g_autoptr(HccResident) resident = NULL;
  g_autoptr(HccResident) found = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) one_room = g_list_store_new (HCC_TYPE_ROOM);
  JsonNode *body;
  JsonNode *room_list;

  pick_rooms (client, &first, &second);
  resident = new_resident (first, second);

  test_clear_requests (sim);
  g_assert_true (write_resident (client, WRITE_ADD, resident, &error));
  g_assert_no_error (error);
  g_assert_nonnull (hcc_resident_get_id (resident));

  sent = test_requests_for (sim, "/vims/v1/person/add");
  g_assert_cmpuint (sent->len, ==, 1);
  body = g_ptr_array_index (sent, 0);
  g_assert_cmpstr (hcc_test_json_get_string (body, "personBaseInfo.firstName"), ==, "Zelda");
  g_assert_cmpstr (hcc_test_json_get_string (body, "personBaseInfo.email"), ==,
                   "zelda.quackenbush@example.org");
  g_assert_cmpstr (hcc_test_json_get_string (body, "language"), ==, "de");
  /* Dates are required: ISO 8601 with an offset, ending in 2037. */
  g_assert_true (g_str_has_prefix (hcc_test_json_get_string (body, "personBaseInfo.endDate"), "2037-12-31T"));
  room_list = hcc_test_json_get (body, "roomList");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (room_list)), ==, 2);

  found = find_resident (client, hcc_resident_get_id (resident), "Quackenbush");
  g_assert_nonnull (found);
  g_assert_cmpuint (g_list_model_get_n_items (hcc_resident_get_rooms (found)), ==, 2);
  g_clear_object (&found);

  /* A change of phone keeps both rooms: the whole set is sent. */
  hcc_resident_set_phone (resident, "+44 20 7946 0001");
  g_assert_true (write_resident (client, WRITE_UPDATE, resident, &error));
  g_assert_no_error (error);
  g_ptr_array_unref (sent);
  sent = test_requests_for (sim, "/vims/v1/person/update");
  g_assert_cmpuint (sent->len, ==, 1);
  body = g_ptr_array_index (sent, 0);
  g_assert_cmpstr (hcc_test_json_get_string (body, "personBaseInfo.id"), ==, hcc_resident_get_id (resident));
  g_assert_null (hcc_test_json_get (body, "personBaseInfo.personCode"));
  room_list = hcc_test_json_get (body, "roomList");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (room_list)), ==, 2);
  found = find_resident (client, hcc_resident_get_id (resident), "Quackenbush");
  g_assert_nonnull (found);
  g_assert_cmpuint (g_list_model_get_n_items (hcc_resident_get_rooms (found)), ==, 2);
  g_assert_cmpstr (hcc_resident_get_phone (found), ==, "+44 20 7946 0001");
  g_clear_object (&found);

  /* A room left out of the model is unlinked. */
  g_list_store_append (one_room, first);
  hcc_resident_set_rooms (resident, G_LIST_MODEL (one_room));
  g_assert_true (write_resident (client, WRITE_UPDATE, resident, &error));
  g_assert_no_error (error);
  found = find_resident (client, hcc_resident_get_id (resident), "Quackenbush");
  g_assert_nonnull (found);
  g_assert_cmpuint (g_list_model_get_n_items (hcc_resident_get_rooms (found)), ==, 1);
  g_clear_object (&found);

  /* Unlinking leaves the person; deleting removes it. */
  g_assert_true (write_resident (client, WRITE_UNLINK, resident, &error));
  g_assert_no_error (error);
  g_ptr_array_unref (sent);
  sent = test_requests_for (sim, "/vims/v1/person/delete");
  g_assert_cmpuint (sent->len, ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (hcc_test_json_get (g_ptr_array_index (sent, 0), "deleteList")), 0),
                   ==, hcc_resident_get_id (resident));

  g_assert_true (write_resident (client, WRITE_DELETE, resident, &error));
  g_assert_no_error (error);
  g_ptr_array_unref (sent);
  sent = test_requests_for (sim, "/person/v1/persons/delete");
  g_assert_cmpuint (sent->len, ==, 1);
  g_assert_cmpstr (hcc_test_json_get_string (g_ptr_array_index (sent, 0), "personId"), ==,
                   hcc_resident_get_id (resident));
  found = find_resident (client, hcc_resident_get_id (resident), "Quackenbush");
  g_assert_null (found);
}

static void
expect_refused (HccClient   *client,
                HccResident *resident,
                const char  *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) local = NULL;

  g_assert_false (write_resident (client, WRITE_ADD, resident, &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_VALIDATION);
  g_assert_cmpstr (hcc_error_get_field (error), ==, field);
  g_assert_cmpstr (error->message, !=, "");

  /* The same check is available to forms directly. */
  g_assert_false (hcc_directory_validate_resident (resident, FALSE, &local));
  g_assert_cmpstr (hcc_error_get_field (local), ==, field);
}

static void
test_validation (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (3, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(HccRoom) first = NULL;
  g_autoptr(HccRoom) second = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autofree char *long_name = g_strnfill (129, 'a');
  g_autofree char *max_name = g_strnfill (128, 'b');
  g_autoptr(GDateTime) late = g_date_time_new_local (2038, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;

  pick_rooms (client, &first, &second);
  test_clear_requests (sim);

  {
    g_autoptr(HccResident) r = new_resident (first, second);
    hcc_resident_set_first_name (r, long_name);
    expect_refused (client, r, "firstName");
    /* 128 characters are fine (PersonDTO, T38). */
    hcc_resident_set_first_name (r, max_name);
    g_assert_true (hcc_directory_validate_resident (r, FALSE, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(HccResident) r = new_resident (first, second);
    hcc_resident_set_last_name (r, "");
    expect_refused (client, r, "lastName");
  }
  {
    g_autoptr(HccResident) r = new_resident (first, second);
    hcc_resident_set_email (r, NULL);
    expect_refused (client, r, "email");
    hcc_resident_set_email (r, "not an address");
    expect_refused (client, r, "email");
  }
  {
    g_autoptr(HccResident) r = new_resident (first, second);
    hcc_resident_set_phone (r, "call me maybe");
    expect_refused (client, r, "phone");
  }
  {
    g_autoptr(HccResident) r = new_resident (first, second);
    hcc_resident_set_end_time (r, late);
    expect_refused (client, r, "endDate");
  }
  {
    g_autoptr(HccResident) r = new_resident (first, second);
    hcc_resident_set_language (r, "xx");
    expect_refused (client, r, "language");
  }
  {
    g_autoptr(HccResident) r = new_resident (first, first);
    expect_refused (client, r, "roomList");
  }
  {
    /* A householder where the room list names another one (VMS038011). */
    g_autoptr(HccRoom) taken = hcc_room_new ();
    g_autoptr(HccResident) r = NULL;

    hcc_room_set_id (taken, hcc_room_get_id (first));
    hcc_room_set_building_id (taken, hcc_room_get_building_id (first));
    hcc_room_set_main_account (taken, "Someone Else");
    hcc_room_set_account_type (taken, 1);
    r = new_resident (taken, NULL);
    expect_refused (client, r, "roomList");

    /* The householder themself may be updated. */
    hcc_room_set_main_account (taken, "quackenbush  ZELDA");
    g_assert_true (hcc_directory_validate_resident (r, FALSE, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(HccResident) r = new_resident (first, NULL);
    g_autoptr(GListStore) none = g_list_store_new (HCC_TYPE_ROOM);
    hcc_resident_set_rooms (r, G_LIST_MODEL (none));
    expect_refused (client, r, "roomList");
  }

  /* Nothing reached the platform. */
  sent = test_requests_for (sim, "/vims/v1/person/add");
  g_assert_cmpuint (sent->len, ==, 0);
}

static void
test_room_full (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (3, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(HccRoom) first = NULL;
  g_autoptr(HccRoom) second = NULL;
  gboolean full = FALSE;

  pick_rooms (client, &first, &second);

  /* Add family members until the platform reports the room full; the
   * person then exists (it has an ID) but the add reports a conflict. */
  for (guint i = 0; i < 12 && !full; i++)
    {
      g_autoptr(HccResident) resident = new_resident (first, NULL);
      g_autofree char *email = g_strdup_printf ("member%u@example.org", i);
      g_autoptr(GError) error = NULL;

      hcc_resident_set_email (resident, email);
      if (write_resident (client, WRITE_ADD, resident, &error))
        continue;

      g_assert_error (error, HCC_ERROR, HCC_ERROR_CONFLICT);
      g_assert_nonnull (hcc_resident_get_id (resident));
      g_assert_nonnull (strstr (error->message, hcc_room_get_name (first)));
      full = TRUE;
    }

  g_assert_true (full);
}

static HccResident *
get_person (HccClient   *client,
            const char  *person_id,
            GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  hcc_directory_get_person_async (client, person_id, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  return hcc_directory_get_person_finish (client, result, error);
}

static void
test_get_person (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (3, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(GListModel) all = list (client, LIST_RESIDENTS, NULL, NULL);
  g_autoptr(HccResident) listed = g_list_model_get_item (all, 3);
  g_autoptr(HccResident) person = NULL;
  g_autoptr(HccResident) gone = NULL;
  g_autoptr(HccResident) nobody = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) raw = NULL;
  g_autofree char *token = NULL;
  g_autofree char *request = NULL;
  const char *id = hcc_resident_get_id (listed);
  gint64 start_ms, end_ms;

  /* What the platform holds, asked directly: the dates are epoch ms. */
  token = hcc_test_sim_login (sim);
  request = g_strdup_printf ("{\"personId\":\"%s\"}", id);
  raw = hcc_test_sim_api (sim, "/person/v1/persons/get", token, request, NULL);
  start_ms = hcc_test_json_get_int (raw, "Data.personInfo.startDate");
  end_ms = hcc_test_json_get_int (raw, "Data.personInfo.endDate");
  g_assert_cmpint (end_ms, >, start_ms);

  test_clear_requests (sim);
  person = get_person (client, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (person);

  /* The example's key is sent (T6), once. */
  sent = test_requests_for (sim, "/person/v1/persons/get");
  g_assert_cmpuint (sent->len, ==, 1);
  g_assert_cmpstr (hcc_test_json_get_string (g_ptr_array_index (sent, 0), "personId"), ==, id);

  /* The same person as the listing, with the validity the listing lacks,
   * read from milliseconds to the second (T11). */
  g_assert_cmpstr (hcc_resident_get_id (person), ==, id);
  g_assert_cmpstr (hcc_resident_get_first_name (person), ==, hcc_resident_get_first_name (listed));
  g_assert_cmpstr (hcc_resident_get_last_name (person), ==, hcc_resident_get_last_name (listed));
  g_assert_cmpstr (hcc_resident_get_email (person), ==, hcc_resident_get_email (listed));
  g_assert_nonnull (hcc_resident_get_start_time (person));
  g_assert_nonnull (hcc_resident_get_end_time (person));
  g_assert_cmpint (g_date_time_to_unix (hcc_resident_get_start_time (person)), ==, start_ms / 1000);
  g_assert_cmpint (g_date_time_to_unix (hcc_resident_get_end_time (person)), ==, end_ms / 1000);
  g_assert_cmpuint (g_list_model_get_n_items (hcc_resident_get_rooms (person)), ==, 0);

  /* A deleted person is the platform's "no longer exists" (CCF038023). */
  {
    const char *ids[] = { id, NULL };
    GAsyncResult *slot = NULL;
    g_autoptr(GAsyncResult) result = NULL;

    hcc_directory_delete_persons_async (client, ids, NULL, test_store_result_cb, &slot);
    result = test_wait_result (&slot);
    g_assert_true (hcc_directory_delete_persons_finish (client, result, &error));
    g_assert_no_error (error);
  }
  gone = get_person (client, id, &error);
  g_assert_null (gone);
  g_assert_error (error, HCC_ERROR, HCC_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* No ID: refused before anything is sent. */
  test_clear_requests (sim);
  nobody = get_person (client, "", &error);
  g_assert_null (nobody);
  g_assert_error (error, HCC_ERROR, HCC_ERROR_VALIDATION);
  g_assert_cmpstr (hcc_error_get_field (error), ==, "personId");
  g_ptr_array_unref (sent);
  sent = test_requests_for (sim, "/person/v1/persons/get");
  g_assert_cmpuint (sent->len, ==, 0);
}

static void
test_large_directory (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (4, 1000, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  test_clear_requests (sim);
  all = list (client, LIST_RESIDENTS, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (all), >=, 1000);

  /* No resident twice, none lost between pages. */
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(HccResident) r = g_list_model_get_item (all, i);

      g_assert_true (g_hash_table_add (ids, (gpointer) hcc_resident_get_id (r)));
    }

  sent = test_requests_for (sim, "/vims/v1/person/search");
  /* 200 a page, no page twice, no extra empty page: the total ends it. */
  g_assert_cmpuint (sent->len, ==, (g_list_model_get_n_items (all) + 199) / 200);
  for (guint i = 0; i < sent->len; i++)
    g_assert_cmpint (hcc_test_json_get_int (g_ptr_array_index (sent, i), "pageNum"), ==, i + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hcc/directory/buildings-rooms", test_buildings_and_rooms);
  g_test_add_func ("/hcc/directory/search-both-keys", test_search_sends_both_keys);
  g_test_add_func ("/hcc/directory/add-update-unlink-delete", test_add_update_unlink_delete);
  g_test_add_func ("/hcc/directory/validation", test_validation);
  g_test_add_func ("/hcc/directory/room-full", test_room_full);
  g_test_add_func ("/hcc/directory/get-person", test_get_person);
  g_test_add_func ("/hcc/directory/large", test_large_directory);

  return g_test_run ();
}
