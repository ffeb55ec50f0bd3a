/* test-sim-world.c: the demo site is deterministic, big enough and coherent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "hcc-sim-world.h"

static guint
count_residents (HccSimWorld *world)
{
  guint n = 0;

  for (guint i = 0; i < world->persons->len; i++) {
    HccSimPerson *person = g_ptr_array_index (world->persons, i);

    if (person->rooms->len > 0)
      n++;
  }

  return n;
}

static gboolean
is_decimal_id (const char *id)
{
  if (id == NULL || strlen (id) != 18 || id[0] == '0')
    return FALSE;
  for (const char *p = id; *p; p++) {
    if (!g_ascii_isdigit (*p))
      return FALSE;
  }

  return TRUE;
}

static gboolean
is_hex_id (const char *id)
{
  if (id == NULL || strlen (id) != 32)
    return FALSE;
  for (const char *p = id; *p; p++) {
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  }

  return TRUE;
}

static void
test_world_deterministic (void)
{
  g_autoptr(HccSimWorld) a = hcc_sim_world_new (7, 0);
  g_autoptr(HccSimWorld) b = hcc_sim_world_new (7, 0);
  g_autoptr(HccSimWorld) c = hcc_sim_world_new (8, 0);
  gboolean differs = FALSE;

  g_assert_cmpstr (a->system_id, ==, b->system_id);
  g_assert_cmpuint (a->persons->len, ==, b->persons->len);
  for (guint i = 0; i < a->persons->len; i++) {
    HccSimPerson *pa = g_ptr_array_index (a->persons, i);
    HccSimPerson *pb = g_ptr_array_index (b->persons, i);

    g_assert_cmpstr (pa->id, ==, pb->id);
    g_assert_cmpstr (pa->first_name, ==, pb->first_name);
    g_assert_cmpstr (pa->last_name, ==, pb->last_name);
    g_assert_cmpstr (pa->email, ==, pb->email);
  }
  for (guint i = 0; i < a->devices->len; i++) {
    HccSimDevice *da = g_ptr_array_index (a->devices, i);
    HccSimDevice *db = g_ptr_array_index (b->devices, i);

    g_assert_cmpstr (da->serial, ==, db->serial);
    g_assert_cmpstr (da->id, ==, db->id);
  }
  for (guint i = 0; i < a->doors->len; i++)
    g_assert_cmpstr (((HccSimDoor *) g_ptr_array_index (a->doors, i))->id, ==,
                     ((HccSimDoor *) g_ptr_array_index (b->doors, i))->id);

  /* Another seed gives another site. */
  for (guint i = 0; i < MIN (a->persons->len, c->persons->len) && !differs; i++)
    differs = strcmp (((HccSimPerson *) g_ptr_array_index (a->persons, i))->id,
                      ((HccSimPerson *) g_ptr_array_index (c->persons, i))->id) != 0;
  g_assert_true (differs);
}

static void
test_world_default_size (void)
{
  g_autoptr(HccSimWorld) world = hcc_sim_world_new (1, 0);
  guint expired = 0, householders = 0, non_ascii = 0;
  gint64 now_ms = g_get_real_time () / 1000;

  g_assert_cmpuint (world->buildings->len, >=, 3);
  g_assert_cmpuint (world->rooms->len, >=, 60);
  g_assert_cmpuint (count_residents (world), >=, 150);
  g_assert_cmpuint (world->access_levels->len, >=, 3);
  g_assert_cmpuint (world->passes->len, >=, 3);
  g_assert_cmpuint (world->access_records->len, >, 10);

  for (guint i = 0; i < world->persons->len; i++) {
    HccSimPerson *person = g_ptr_array_index (world->persons, i);

    g_assert_true (is_decimal_id (person->id));
    g_assert_true (g_utf8_validate (person->first_name, -1, NULL));
    g_assert_nonnull (strchr (person->email, '@'));
    if (person->end_ms < now_ms)
      expired++;
    if (person->rooms->len > 0 && ((HccSimRoomLink *) g_ptr_array_index (person->rooms,
                                                                         0))->account_type == 1)
      householders++;
    if (!g_str_is_ascii (person->first_name) || !g_str_is_ascii (person->last_name))
      non_ascii++;
  }
  g_assert_cmpuint (expired, >, 0);
  g_assert_cmpuint (householders, >=, 50);
  g_assert_cmpuint (non_ascii, >, 20);

  for (guint i = 0; i < world->rooms->len; i++) {
    HccSimRoom *room = g_ptr_array_index (world->rooms, i);

    g_assert_true (hcc_sim_world_find_room (world, room->building_id, room->number) == room);
    g_assert_cmpuint (room->number % 100, >=, 1);
  }
  for (guint i = 0; i < world->areas->len; i++)
    g_assert_true (is_hex_id (((HccSimArea *) g_ptr_array_index (world->areas, i))->id));
  for (guint i = 0; i < world->devices->len; i++)
    g_assert_true (is_hex_id (((HccSimDevice *) g_ptr_array_index (world->devices, i))->id));

  g_assert_nonnull (hcc_sim_world_find_user_by_key (world, "concierge-demo-ak"));
  g_assert_cmpstr (hcc_sim_world_find_user_by_key (world, "concierge-desk2-ak")->secret_key, ==,
                   "concierge-desk2-sk");
  g_assert_null (hcc_sim_world_find_user_by_key (world, "nobody"));
}

static void
test_world_devices (void)
{
  g_autoptr(HccSimWorld) world = hcc_sim_world_new (3, 0);
  g_autoptr(GPtrArray) stations = hcc_sim_world_dup_door_stations (world);
  guint offline_doors = 0, nvr_cameras = 0;

  /* One station per building and the gate. */
  g_assert_cmpuint (stations->len, >=, 4);
  for (guint i = 0; i < stations->len; i++) {
    HccSimDevice *station = g_ptr_array_index (stations, i);

    g_assert_cmpstr (station->category, ==, "videoIntercomDevice");
    g_assert_cmpuint (station->door_ids->len, >=, 1);
    g_assert_cmpuint (station->camera_ids->len, ==, 1);
    g_assert_true (g_hash_table_lookup (world->devices_by_serial, station->serial) == station);
    for (guint d = 0; d < station->door_ids->len; d++) {
      HccSimDoor *door = g_hash_table_lookup (world->doors_by_id,
                                              g_ptr_array_index (station->door_ids, d));

      g_assert_nonnull (door);
      g_assert_true (is_decimal_id (door->id));
      g_assert_cmpstr (door->device_id, ==, station->id);
    }
  }

  for (guint i = 0; i < world->doors->len; i++) {
    HccSimDoor *door = g_ptr_array_index (world->doors, i);

    if (!door->online)
      offline_doors++;
  }
  g_assert_cmpuint (offline_doors, ==, 1);

  for (guint i = 0; i < world->devices->len; i++) {
    HccSimDevice *device = g_ptr_array_index (world->devices, i);

    if (g_strcmp0 (device->category, "encodingDevice") == 0)
      nvr_cameras += device->camera_ids->len;
  }
  g_assert_cmpuint (nvr_cameras, >=, 3);
}

static void
test_world_room_residents (void)
{
  g_autoptr(HccSimWorld) world = hcc_sim_world_new (5, 0);
  guint with_holder = 0;

  for (guint i = 0; i < world->rooms->len; i++) {
    HccSimRoom *room = g_ptr_array_index (world->rooms, i);
    HccSimPerson *resident = hcc_sim_world_find_room_resident (world, room);

    if (resident == NULL)
      continue;
    with_holder++;
    g_assert_nonnull (resident->user_id);
    g_assert_cmpint (hcc_sim_person_find_link (resident, room->id)->account_type, ==, 1);
  }
  g_assert_cmpuint (with_holder, >=, 50);
  g_assert_cmpuint (with_holder, <, world->rooms->len);
}

static void
test_world_large (void)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(HccSimWorld) world = hcc_sim_world_new (9, 10000);
  gint64 elapsed_us = g_get_monotonic_time () - start;
  g_autoptr(GHashTable) counts = hcc_sim_world_count_room_persons (world);
  GHashTableIter iter;
  gpointer value;

  g_test_message ("10,000 residents built in %" G_GINT64_FORMAT " ms", elapsed_us / 1000);
  g_assert_cmpuint (count_residents (world), >=, 10000);
  g_assert_cmpint (elapsed_us, <, 2 * G_USEC_PER_SEC);

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_assert_cmpuint (GPOINTER_TO_UINT (value), <=, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sim/world/deterministic", test_world_deterministic);
  g_test_add_func ("/sim/world/default-size", test_world_default_size);
  g_test_add_func ("/sim/world/devices", test_world_devices);
  g_test_add_func ("/sim/world/room-residents", test_world_room_residents);
  g_test_add_func ("/sim/world/large", test_world_large);

  return g_test_run ();
}
