/* hcc-sim-world.c: the demo site, built deterministically from a seed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is drawn from one GRand seeded with the seed, in a fixed order,
 * so that the same seed always gives the same IDs, names and devices. Times
 * are relative to the start of the current day (UTC), so they stay stable
 * within a day and the site always looks "current".
 */

#define G_LOG_DOMAIN "hcc-sim-world"

#include <string.h>

#include <json-glib/json-glib.h>

#include "hcc-sim-private.h"
#include "hcc-sim-world.h"

#define DAY_MS  (24 * 3600 * (gint64) 1000)
#define YEAR_MS (365 * DAY_MS)

/* The number of residents of the default site. */
#define DEFAULT_RESIDENTS 168
#define MAX_PERSONS_PER_ROOM 6

typedef struct {
  const char *language;
  const char *phone_prefix;
  const char *first_female[6];
  const char *first_male[6];
  const char *last[6];
} NameSet;

/* Names from several languages, with their proper accents, so that every
 * search and every label is exercised with non-ASCII text. */
static const NameSet name_sets[] = {
  { "pt", "+351 91", { "Maria", "Inês", "Conceição", "Beatriz", "Leonor", "Joana" },
    { "José", "João", "António", "Gonçalo", "Tomás", "Rúben" },
    { "Conceição", "Gonçalves", "Araújo", "Simões", "Magalhães", "Brandão" } },
  { "pl", "+48 601", { "Zofia", "Małgorzata", "Agnieszka", "Jadwiga", "Zuzanna", "Bożena" },
    { "Łukasz", "Paweł", "Michał", "Wojciech", "Jędrzej", "Stanisław" },
    { "Wójcik", "Kowalczyk", "Szymańska", "Woźniak", "Dąbrowski", "Zieliński" } },
  { "tr", "+90 532", { "Çağla", "Ayşe", "Gülşen", "Şebnem", "Özlem", "Elif" },
    { "Mehmet", "Barış", "Çağrı", "Oğuz", "İsmail", "Emre" },
    { "Öztürk", "Yılmaz", "Şahin", "Çelik", "Doğan", "Kılıç" } },
  { "zh", "+86 139", { "Fang", "Xiùyīng", "Lìnà", "Mei", "Jing", "Yan" },
    { "Wei", "Hào", "Jūn", "Lei", "Qiáng", "Ming" },
    { "Wáng", "Lǐ", "Zhāng", "Liú", "Chén", "Huáng" } },
  { "ar", "+971 50", { "Fatima", "Aïcha", "Layla", "Nour", "Yasmin", "Salma" },
    { "Ahmed", "Khalid", "Omar", "Yousef", "Karim", "Tariq" },
    { "Al-Farsi", "Haddad", "El-Amin", "Nasser", "Mansour", "Khoury" } },
  { "hi", "+91 98", { "Priya", "Ananya", "Kavya", "Lakshmi", "Sunita", "Diya" },
    { "Arjun", "Rahul", "Vikram", "Sanjay", "Rohan", "Aditya" },
    { "Sharma", "Patel", "Iyer", "Reddy", "Gupta", "Nair" } },
  { "ja", "+81 90", { "Yuki", "Haruka", "Sakura", "Aoi", "Mei", "Yōko" },
    { "Haruto", "Ren", "Kenta", "Shōta", "Daiki", "Yūto" },
    { "Tanaka", "Satō", "Suzuki", "Takahashi", "Itō", "Kōno" } },
  { "ng", "+234 803", { "Chiamaka", "Adaeze", "Ngozi", "Folake", "Yetunde", "Ifeoma" },
    { "Chinedu", "Oluwaseun", "Emeka", "Babatunde", "Obinna", "Tunde" },
    { "Okafor", "Adeyemi", "Nwosu", "Balogun", "Eze", "Okonkwo" } },
  { "sv", "+46 70", { "Åsa", "Märta", "Linnéa", "Ingrid", "Sofia", "Björg" },
    { "Björn", "Åke", "Göran", "Nils", "Örjan", "Sven" },
    { "Söderström", "Ångström", "Lindqvist", "Nyström", "Håkansson", "Öberg" } },
  { "fr", "+33 6", { "Amélie", "Hélène", "Célia", "Noémie", "Zoé", "Léa" },
    { "François", "Jérôme", "Loïc", "Gaël", "Théo", "Benoît" },
    { "Lefèvre", "Dubois", "Girard", "Bérenger", "Fournier", "Mercier" } },
};

typedef struct {
  const char *name;
  guint       floors;        /* at the default size */
  guint       flats;         /* flats per floor at the default size */
} BuildingPlan;

static const BuildingPlan building_plans[] = {
  { "North Tower", 12, 3 },
  { "Garden House", 4, 4 },
  { "Harbour Court", 6, 3 },
};

static char *
rand_decimal_id (GRand *rand)
{
  GString *id = g_string_sized_new (18);

  g_string_append_c (id, '1' + g_rand_int_range (rand, 0, 9));
  for (guint i = 1; i < 18; i++)
    g_string_append_c (id, '0' + g_rand_int_range (rand, 0, 10));

  return g_string_free (id, FALSE);
}

static char *
rand_hex_id (GRand *rand)
{
  return g_strdup_printf ("%08x%08x%08x%08x",
                          g_rand_int (rand), g_rand_int (rand),
                          g_rand_int (rand), g_rand_int (rand));
}

static char *
rand_digits (GRand *rand,
             guint  n)
{
  GString *s = g_string_sized_new (n);

  for (guint i = 0; i < n; i++)
    g_string_append_c (s, '0' + g_rand_int_range (rand, 0, 10));

  return g_string_free (s, FALSE);
}

/* "Łukasz Wójcik" -> "lukasz.wojcik": ASCII for e-mail addresses. */
static char *
mail_local_part (const char *first,
                 const char *last)
{
  g_autofree char *full = g_strdup_printf ("%s.%s", first, last);
  g_autofree char *ascii = g_str_to_ascii (full, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p; p++) {
    if (g_ascii_isalnum (*p) || *p == '.')
      g_string_append_c (out, g_ascii_tolower (*p));
  }

  return g_string_free (out, FALSE);
}

static void
area_free (HccSimArea *area)
{
  g_free (area->id);
  g_free (area->name);
  g_free (area->parent_id);
  g_free (area);
}

static void
building_free (HccSimBuilding *building)
{
  g_free (building->id);
  g_free (building->name);
  g_free (building->area_id);
  g_ptr_array_unref (building->rooms);
  g_free (building);
}

static void
room_free (HccSimRoom *room)
{
  g_free (room->id);
  g_free (room->name);
  g_free (room->building_id);
  g_free (room->area_id);
  g_free (room);
}

void
hcc_sim_room_link_free (HccSimRoomLink *link)
{
  g_free (link->room_id);
  g_free (link);
}

HccSimRoomLink *
hcc_sim_room_link_new (const char *room_id,
                       int         account_type)
{
  HccSimRoomLink *link = g_new0 (HccSimRoomLink, 1);

  link->room_id = g_strdup (room_id);
  link->account_type = account_type;

  return link;
}

HccSimPerson *
hcc_sim_person_new (void)
{
  HccSimPerson *person = g_new0 (HccSimPerson, 1);

  person->gender = 2;
  person->rooms = g_ptr_array_new_with_free_func ((GDestroyNotify) hcc_sim_room_link_free);
  person->access_level_ids = g_ptr_array_new_with_free_func (g_free);

  return person;
}

void
hcc_sim_person_free (HccSimPerson *person)
{
  g_free (person->id);
  g_free (person->person_code);
  g_free (person->user_id);
  g_free (person->first_name);
  g_free (person->last_name);
  g_free (person->phone);
  g_free (person->email);
  g_free (person->description);
  g_free (person->pin);
  g_ptr_array_unref (person->rooms);
  g_ptr_array_unref (person->access_level_ids);
  g_free (person);
}

static void
device_free (HccSimDevice *device)
{
  g_free (device->id);
  g_free (device->name);
  g_free (device->serial);
  g_free (device->category);
  g_free (device->model);
  g_free (device->version);
  g_free (device->area_id);
  g_free (device->building_id);
  g_free (device->time_zone);
  g_ptr_array_unref (device->door_ids);
  g_ptr_array_unref (device->camera_ids);
  g_free (device);
}

static void
door_free (HccSimDoor *door)
{
  g_free (door->id);
  g_free (door->name);
  g_free (door->area_id);
  g_free (door->device_id);
  g_free (door);
}

static void
camera_free (HccSimCamera *camera)
{
  g_free (camera->id);
  g_free (camera->name);
  g_free (camera->area_id);
  g_free (camera->device_id);
  g_free (camera);
}

static void
access_level_free (HccSimAccessLevel *level)
{
  g_free (level->id);
  g_free (level->name);
  g_free (level->area_id);
  g_ptr_array_unref (level->door_ids);
  g_free (level);
}

void
hcc_sim_qr_code_free (HccSimQrCode *code)
{
  g_free (code->payload);
  g_free (code);
}

HccSimPass *
hcc_sim_pass_new (void)
{
  HccSimPass *pass = g_new0 (HccSimPass, 1);

  pass->access_level_ids = g_ptr_array_new_with_free_func (g_free);
  pass->qr_codes = g_ptr_array_new_with_free_func ((GDestroyNotify) hcc_sim_qr_code_free);
  pass->door_uses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return pass;
}

void
hcc_sim_pass_free (HccSimPass *pass)
{
  g_free (pass->id);
  g_free (pass->name);
  g_free (pass->creator_id);
  g_free (pass->creator_name);
  g_free (pass->creator_email);
  g_free (pass->password);
  g_ptr_array_unref (pass->access_level_ids);
  g_ptr_array_unref (pass->qr_codes);
  g_hash_table_unref (pass->door_uses);
  g_free (pass);
}

static void
user_free (HccSimUser *user)
{
  g_free (user->id);
  g_free (user->name);
  g_free (user->email);
  g_free (user->app_key);
  g_free (user->secret_key);
  g_free (user);
}

static HccSimArea *
add_area (HccSimWorld *world,
          GRand       *rand,
          const char  *name,
          const char  *parent_id)
{
  HccSimArea *area = g_new0 (HccSimArea, 1);

  area->id = rand_hex_id (rand);
  area->name = g_strdup (name);
  area->parent_id = g_strdup (parent_id);
  g_ptr_array_add (world->areas, area);
  g_hash_table_insert (world->areas_by_id, area->id, area);

  return area;
}

static HccSimDevice *
add_device (HccSimWorld *world,
            GRand       *rand,
            const char  *name,
            const char  *serial_prefix,
            const char  *category,
            const char  *model,
            const char  *version,
            const char  *area_id,
            const char  *building_id,
            gboolean     online)
{
  HccSimDevice *device = g_new0 (HccSimDevice, 1);
  g_autofree char *digits = rand_digits (rand, 8);

  device->id = rand_hex_id (rand);
  device->name = g_strdup (name);
  device->serial = g_strconcat (serial_prefix, digits, NULL);
  device->category = g_strdup (category);
  device->model = g_strdup (model);
  device->version = g_strdup (version);
  device->area_id = g_strdup (area_id);
  device->building_id = g_strdup (building_id);
  device->time_zone = g_strdup ("30");
  device->added_ms = world->base_ms - (gint64) g_rand_int_range (rand, 30, 400) * DAY_MS +
                     (gint64) g_rand_int_range (rand, 8 * 3600, 18 * 3600) * 1000;
  device->online = online;
  device->door_ids = g_ptr_array_new_with_free_func (g_free);
  device->camera_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (world->devices, device);
  g_hash_table_insert (world->devices_by_id, device->id, device);
  g_hash_table_insert (world->devices_by_serial, device->serial, device);

  return device;
}

static HccSimDoor *
add_door (HccSimWorld  *world,
          GRand        *rand,
          HccSimDevice *device,
          const char   *name,
          const char   *area_id)
{
  HccSimDoor *door = g_new0 (HccSimDoor, 1);

  door->id = rand_decimal_id (rand);
  door->name = g_strdup (name);
  door->area_id = g_strdup (area_id);
  door->device_id = g_strdup (device->id);
  door->channel_no = device->door_ids->len + 1;
  door->online = device->online;
  g_ptr_array_add (device->door_ids, g_strdup (door->id));
  g_ptr_array_add (world->doors, door);
  g_hash_table_insert (world->doors_by_id, door->id, door);

  return door;
}

static HccSimCamera *
add_camera (HccSimWorld  *world,
            GRand        *rand,
            HccSimDevice *device,
            const char   *name,
            const char   *area_id)
{
  HccSimCamera *camera = g_new0 (HccSimCamera, 1);

  camera->id = rand_hex_id (rand);
  camera->name = g_strdup (name);
  camera->area_id = g_strdup (area_id);
  camera->device_id = g_strdup (device->id);
  camera->channel_no = device->camera_ids->len + 1;
  camera->online = device->online;
  g_ptr_array_add (device->camera_ids, g_strdup (camera->id));
  g_ptr_array_add (world->cameras, camera);
  g_hash_table_insert (world->cameras_by_id, camera->id, camera);

  return camera;
}

static HccSimAccessLevel *
add_access_level (HccSimWorld *world,
                  GRand       *rand,
                  const char  *name,
                  const char  *area_id)
{
  HccSimAccessLevel *level = g_new0 (HccSimAccessLevel, 1);

  level->id = rand_decimal_id (rand);
  level->name = g_strdup (name);
  level->area_id = g_strdup (area_id);
  level->door_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (world->access_levels, level);
  g_hash_table_insert (world->access_levels_by_id, level->id, level);

  return level;
}

static HccSimUser *
add_user (HccSimWorld *world,
          const char  *id,
          const char  *name,
          const char  *email,
          const char  *app_key,
          const char  *secret_key)
{
  HccSimUser *user = g_new0 (HccSimUser, 1);

  user->id = g_strdup (id);
  user->name = g_strdup (name);
  user->email = g_strdup (email);
  user->app_key = g_strdup (app_key);
  user->secret_key = g_strdup (secret_key);
  g_ptr_array_add (world->users, user);
  g_hash_table_insert (world->users_by_id, user->id, user);

  return user;
}

void
hcc_sim_world_add_person (HccSimWorld  *world,
                          HccSimPerson *person)
{
  g_return_if_fail (world != NULL);
  g_return_if_fail (person != NULL && person->id != NULL);

  g_ptr_array_add (world->persons, person);
  g_hash_table_insert (world->persons_by_id, person->id, person);
}

void
hcc_sim_world_remove_person (HccSimWorld  *world,
                             HccSimPerson *person)
{
  g_return_if_fail (world != NULL);
  g_return_if_fail (person != NULL);

  g_hash_table_remove (world->persons_by_id, person->id);
  /* The array owns the person: removing it frees it. */
  g_ptr_array_remove (world->persons, person);
}

static void
build_areas_and_buildings (HccSimWorld *world,
                           GRand       *rand,
                           guint        n_rooms)
{
  HccSimArea *root;
  guint default_rooms = 0;

  root = add_area (world, rand, "Riverside Residences", NULL);
  world->root_area_id = g_strdup (root->id);

  for (guint b = 0; b < G_N_ELEMENTS (building_plans); b++)
    default_rooms += building_plans[b].floors * building_plans[b].flats;

  for (guint b = 0; b < G_N_ELEMENTS (building_plans); b++) {
    const BuildingPlan *plan = &building_plans[b];
    HccSimArea *area = add_area (world, rand, plan->name, root->id);
    HccSimBuilding *building = g_new0 (HccSimBuilding, 1);
    guint rooms_here = plan->floors * plan->flats;
    guint flats = plan->flats;
    guint floors = plan->floors;

    building->id = rand_decimal_id (rand);
    building->name = g_strdup (plan->name);
    building->area_id = g_strdup (area->id);
    building->rooms = g_ptr_array_new ();
    g_ptr_array_add (world->buildings, building);
    g_hash_table_insert (world->buildings_by_id, building->id, building);

    /* A bigger site keeps each building's share of the rooms and grows
     * wider and taller; flat numbers stay floor * 100 + n. */
    if (n_rooms > default_rooms) {
      rooms_here = (guint) (((guint64) n_rooms * rooms_here + default_rooms - 1) / default_rooms);
      flats = MIN (99, plan->flats * 4);
      floors = (rooms_here + flats - 1) / flats;
    }

    for (guint floor = 1; floor <= floors; floor++) {
      for (guint n = 1; n <= flats; n++) {
        HccSimRoom *room = g_new0 (HccSimRoom, 1);

        room->number = floor * 100 + n;
        room->id = rand_decimal_id (rand);
        room->name = g_strdup_printf ("Flat %u", room->number);
        room->building_id = g_strdup (building->id);
        room->area_id = g_strdup (area->id);
        room->max_persons = MAX_PERSONS_PER_ROOM;
        g_ptr_array_add (world->rooms, room);
        g_ptr_array_add (building->rooms, room);
        g_hash_table_insert (world->rooms_by_id, room->id, room);
      }
    }
  }

  add_area (world, rand, "Car park", root->id);
  add_area (world, rand, "Main gate", root->id);
}

static HccSimArea *
find_area_by_name (HccSimWorld *world,
                   const char  *name)
{
  for (guint i = 0; i < world->areas->len; i++) {
    HccSimArea *area = g_ptr_array_index (world->areas, i);

    if (g_strcmp0 (area->name, name) == 0)
      return area;
  }

  return NULL;
}

static void
build_devices (HccSimWorld *world,
               GRand       *rand)
{
  HccSimArea *car_park = find_area_by_name (world, "Car park");
  HccSimArea *gate_area = find_area_by_name (world, "Main gate");
  HccSimDevice *device;

  for (guint b = 0; b < world->buildings->len; b++) {
    HccSimBuilding *building = g_ptr_array_index (world->buildings, b);
    g_autofree char *name = g_strdup_printf ("%s door station", building->name);
    g_autofree char *door_name = g_strdup_printf ("%s main door", building->name);
    g_autofree char *camera_name = g_strdup_printf ("%s entrance", building->name);

    device = add_device (world, rand, name, "Q", "videoIntercomDevice", "DS-KD8003-IME1",
                         "V2.2.62 build 230215", building->area_id, building->id, TRUE);
    add_door (world, rand, device, door_name, building->area_id);
    if (b == 0)
      add_door (world, rand, device, "Bike room", building->area_id);
    add_camera (world, rand, device, camera_name, building->area_id);
  }

  device = add_device (world, rand, "Main gate station", "Q", "videoIntercomDevice",
                       "DS-KV6113-WPE1", "V2.2.50 build 221110", gate_area->id, NULL, TRUE);
  add_door (world, rand, device, "Main gate", gate_area->id);
  add_camera (world, rand, device, "Main gate", gate_area->id);

  device = add_device (world, rand, "Car park controller", "L", "accessControllerDevice",
                       "DS-K2602T", "V2.1.0 build 220705", car_park->id, NULL, TRUE);
  add_door (world, rand, device, "Garage door", car_park->id);
  add_door (world, rand, device, "Lobby turnstile", world->root_area_id);

  /* The offline door: per-door failures of remote/control need one. */
  device = add_device (world, rand, "Garden House side controller", "L", "accessControllerDevice",
                       "DS-K2601T", "V2.1.0 build 220705",
                       ((HccSimBuilding *) g_ptr_array_index (world->buildings, 1))->area_id,
                       NULL, FALSE);
  add_door (world, rand, device, "Garden House side door", device->area_id);

  device = add_device (world, rand, "Site NVR", "J", "encodingDevice", "DS-7608NXI-K2",
                       "V4.62.210 build 230420", world->root_area_id, NULL, TRUE);
  add_camera (world, rand, device, "Lobby", world->root_area_id);
  add_camera (world, rand, device, "Parking ramp", car_park->id);
  add_camera (world, rand, device, "Courtyard", world->root_area_id);
}

static void
add_doors_of_device (HccSimAccessLevel *level,
                     HccSimDevice      *device)
{
  for (guint i = 0; i < device->door_ids->len; i++)
    g_ptr_array_add (level->door_ids, g_strdup (g_ptr_array_index (device->door_ids, i)));
}

static void
build_access_levels (HccSimWorld *world,
                     GRand       *rand)
{
  HccSimAccessLevel *all;
  HccSimAccessLevel *deliveries;

  for (guint b = 0; b < world->buildings->len; b++) {
    HccSimBuilding *building = g_ptr_array_index (world->buildings, b);
    g_autofree char *name = g_strdup_printf ("Residents %s", building->name);
    HccSimAccessLevel *level = add_access_level (world, rand, name, building->area_id);

    for (guint i = 0; i < world->devices->len; i++) {
      HccSimDevice *device = g_ptr_array_index (world->devices, i);

      if (g_strcmp0 (device->building_id, building->id) == 0 ||
          g_strcmp0 (device->name, "Main gate station") == 0 ||
          g_strcmp0 (device->name, "Car park controller") == 0)
        add_doors_of_device (level, device);
    }
  }

  all = add_access_level (world, rand, "All doors", world->root_area_id);
  for (guint i = 0; i < world->doors->len; i++) {
    HccSimDoor *door = g_ptr_array_index (world->doors, i);

    g_ptr_array_add (all->door_ids, g_strdup (door->id));
  }

  deliveries = add_access_level (world, rand, "Deliveries", world->root_area_id);
  for (guint i = 0; i < world->doors->len; i++) {
    HccSimDoor *door = g_ptr_array_index (world->doors, i);

    if (g_strcmp0 (door->name, "Main gate") == 0 ||
        g_strcmp0 (door->name, "Lobby turnstile") == 0)
      g_ptr_array_add (deliveries->door_ids, g_strdup (door->id));
  }
}

static HccSimPerson *
make_resident (HccSimWorld   *world,
               GRand         *rand,
               const NameSet *set,
               const char    *last_name,
               guint          serial)
{
  HccSimPerson *person = hcc_sim_person_new ();
  gboolean female = g_rand_boolean (rand);
  const char *first = female ? set->first_female[g_rand_int_range (rand, 0, 6)]
                             : set->first_male[g_rand_int_range (rand, 0, 6)];
  g_autofree char *local = NULL;
  g_autofree char *digits = rand_digits (rand, 7);

  person->id = rand_decimal_id (rand);
  person->person_code = g_strdup_printf ("R%06u", serial);
  person->first_name = g_strdup (first);
  person->last_name = g_strdup (last_name);
  person->gender = female ? 0 : 1;
  person->phone = g_strdup_printf ("%s %s", set->phone_prefix, digits);
  local = mail_local_part (first, last_name);
  /* The serial keeps addresses unique on big sites. */
  person->email = g_strdup_printf ("%s%u@example.org", local, serial);
  person->start_ms = world->base_ms - (gint64) g_rand_int_range (rand, 30, 1500) * DAY_MS;
  person->end_ms = person->start_ms + 10 * YEAR_MS;
  /* About one resident in twenty-five has moved out: expired validity. */
  if (serial % 25 == 7)
    person->end_ms = world->base_ms - (gint64) g_rand_int_range (rand, 1, 90) * DAY_MS;
  if (g_rand_int_range (rand, 0, 3) == 0)
    person->pin = rand_digits (rand, 6);

  return person;
}

static void
build_residents (HccSimWorld *world,
                 GRand       *rand,
                 guint        n_residents)
{
  g_autofree guint *counts = g_new0 (guint, world->rooms->len);
  guint assigned = 0;
  guint serial = 1;

  /* Every room but every ninth one gets a householder; the rest of the
   * residents are family members spread at random, at most 5 per room so
   * that person/add can still fill a room. */
  for (guint i = 0; i < world->rooms->len && assigned < n_residents; i++) {
    if (i % 9 == 4)
      continue;
    counts[i] = 1;
    assigned++;
  }
  while (assigned < n_residents) {
    guint i = g_rand_int_range (rand, 0, world->rooms->len);

    if (counts[i] == 0 || counts[i] >= MAX_PERSONS_PER_ROOM - 1)
      continue;
    counts[i]++;
    assigned++;
  }

  for (guint i = 0; i < world->rooms->len; i++) {
    HccSimRoom *room = g_ptr_array_index (world->rooms, i);
    HccSimBuilding *building = g_hash_table_lookup (world->buildings_by_id, room->building_id);
    const NameSet *set = &name_sets[g_rand_int_range (rand, 0, G_N_ELEMENTS (name_sets))];
    const char *last = set->last[g_rand_int_range (rand, 0, 6)];
    HccSimAccessLevel *level = NULL;

    for (guint l = 0; l < world->access_levels->len; l++) {
      HccSimAccessLevel *candidate = g_ptr_array_index (world->access_levels, l);

      if (g_str_has_suffix (candidate->name, building->name)) {
        level = candidate;
        break;
      }
    }

    for (guint k = 0; k < counts[i]; k++) {
      HccSimPerson *person = make_resident (world, rand, set, last, serial++);

      g_ptr_array_add (person->rooms, hcc_sim_room_link_new (room->id, k == 0 ? 1 : 0));
      if (level != NULL)
        g_ptr_array_add (person->access_level_ids, g_strdup (level->id));
      if (k == 0) {
        g_autofree char *user_id = rand_hex_id (rand);
        g_autofree char *full = g_strdup_printf ("%s %s", person->first_name, person->last_name);

        person->user_id = g_strdup (user_id);
        add_user (world, user_id, full, person->email, NULL, NULL);
      }
      hcc_sim_world_add_person (world, person);
    }
  }
}

static HccSimPass *
add_pass (HccSimWorld *world,
          GRand       *rand,
          HccSimUser  *creator,
          const char  *name,
          guint        open_count,
          gint64       start_ms,
          gint64       end_ms,
          gboolean     dynamic_qr,
          const char  *access_level_id)
{
  HccSimPass *pass = hcc_sim_pass_new ();

  pass->id = rand_decimal_id (rand);
  pass->name = g_strdup (name);
  pass->open_count = open_count;
  pass->start_ms = start_ms;
  pass->end_ms = end_ms;
  pass->creator_id = g_strdup (creator->id);
  pass->creator_name = g_strdup (creator->name);
  pass->creator_email = g_strdup (creator->email);
  pass->password = rand_digits (rand, 6);
  pass->dynamic_qr = dynamic_qr;
  g_ptr_array_add (pass->access_level_ids, g_strdup (access_level_id));
  g_ptr_array_add (world->passes, pass);
  g_hash_table_insert (world->passes_by_id, pass->id, pass);

  return pass;
}

static HccSimAccessLevel *
find_access_level_by_name (HccSimWorld *world,
                           const char  *name)
{
  for (guint i = 0; i < world->access_levels->len; i++) {
    HccSimAccessLevel *level = g_ptr_array_index (world->access_levels, i);

    if (g_strcmp0 (level->name, name) == 0)
      return level;
  }

  return NULL;
}

static void
build_users_and_passes (HccSimWorld *world,
                        GRand       *rand)
{
  g_autofree char *desk_id = rand_hex_id (rand);
  g_autofree char *desk2_id = rand_hex_id (rand);
  HccSimUser *desk;
  HccSimAccessLevel *deliveries = find_access_level_by_name (world, "Deliveries");
  HccSimAccessLevel *north = find_access_level_by_name (world, "Residents North Tower");
  HccSimAccessLevel *all = find_access_level_by_name (world, "All doors");

  desk = add_user (world, desk_id, "Front Desk", "desk@riverside.example.org",
                   HCC_SIM_DEMO_APP_KEY, HCC_SIM_DEMO_SECRET_KEY);
  add_user (world, desk2_id, "Night Desk", "night-desk@riverside.example.org",
            "concierge-desk2-ak", "concierge-desk2-sk");

  add_pass (world, rand, desk, "Courier DHL", 5,
            world->base_ms - DAY_MS, world->base_ms + 7 * DAY_MS, TRUE, deliveries->id);
  add_pass (world, rand, desk, "Cleaner Márta", 200,
            world->base_ms - 30 * DAY_MS, world->base_ms + 60 * DAY_MS, FALSE, north->id);
  add_pass (world, rand, desk, "Plumber visit", 2,
            world->base_ms - 10 * DAY_MS, world->base_ms - 9 * DAY_MS, FALSE, all->id);
}

JsonObject *
hcc_sim_world_new_record (HccSimWorld  *world,
                          const char   *record_guid,
                          HccSimDoor   *door,
                          int           event_type,
                          gboolean      granted,
                          HccSimPerson *person,
                          gint64        occur_ms)
{
  JsonObject *record = json_object_new ();
  HccSimDevice *device = g_hash_table_lookup (world->devices_by_id, door->device_id);
  HccSimArea *area = g_hash_table_lookup (world->areas_by_id, door->area_id);
  g_autofree char *occur = _hcc_sim_format_iso8601 (occur_ms);

  json_object_set_string_member (record, "recordGuid", record_guid);
  json_object_set_string_member (record, "elementId", door->id);
  json_object_set_string_member (record, "elementName", door->name);
  json_object_set_int_member (record, "elementType", 1002);
  json_object_set_string_member (record, "areaId", door->area_id);
  json_object_set_string_member (record, "areaName", area != NULL ? area->name : "");
  json_object_set_string_member (record, "deviceId", door->device_id);
  json_object_set_string_member (record, "deviceName", device != NULL ? device->name : "");
  json_object_set_array_member (record, "acsSnapPicList", json_array_new ());
  json_object_set_string_member (record, "cardReaderId", "");
  json_object_set_string_member (record, "cardReaderName", "");
  json_object_set_string_member (record, "occurTime", occur);
  json_object_set_string_member (record, "deviceTime", occur);
  json_object_set_string_member (record, "recordTime", occur);
  json_object_set_int_member (record, "eventType", event_type);
  json_object_set_int_member (record, "swipeAuthResult", granted ? 1 : 0);
  json_object_set_int_member (record, "eventMainType", 0);
  json_object_set_int_member (record, "devSerialNo", world->access_records->len + 1);
  json_object_set_int_member (record, "hasCameraSnapPic", 0);
  json_object_set_int_member (record, "hasDevVideoRecord", 0);
  json_object_set_string_member (record, "cardNumber", "");
  json_object_set_int_member (record, "masksStatus", 1);
  json_object_set_int_member (record, "attendanceStatus", 0);
  json_object_set_int_member (record, "direction", 1);
  if (person != NULL) {
    JsonObject *info = json_object_new ();
    JsonObject *base = json_object_new ();

    json_object_set_string_member (base, "fullPath", "All Persons");
    json_object_set_string_member (base, "firstName", person->first_name);
    json_object_set_string_member (base, "lastName", person->last_name);
    json_object_set_string_member (base, "personCode",
                                   person->person_code ? person->person_code : "");
    json_object_set_string_member (base, "phoneNum", person->phone ? person->phone : "");
    json_object_set_string_member (base, "photoUrl", "");
    json_object_set_int_member (base, "gender", person->gender);
    json_object_set_string_member (base, "email", person->email ? person->email : "");
    json_object_set_string_member (info, "id", person->id);
    json_object_set_object_member (info, "baseInfo", base);
    json_object_set_object_member (record, "personInfo", info);
  }

  return record;
}

static void
build_access_records (HccSimWorld *world,
                      GRand       *rand)
{
  /* Card, face, fingerprint and PIN events; granted codes then denied. */
  static const int granted_types[] = { 80001, 80093, 80032, 100344, 100571 };
  static const int denied_types[] = { 80028, 80094, 80031, 80263, 100572 };
  gint64 t = world->base_ms - 6 * DAY_MS;

  for (guint i = 0; i < 60; i++) {
    HccSimDoor *door = g_ptr_array_index (world->doors,
                                          g_rand_int_range (rand, 0, world->doors->len));
    HccSimPerson *person = g_ptr_array_index (world->persons,
                                              g_rand_int_range (rand, 0, world->persons->len));
    guint kind = g_rand_int_range (rand, 0, G_N_ELEMENTS (granted_types));
    gboolean granted = g_rand_int_range (rand, 0, 5) != 0;
    g_autofree char *guid = rand_hex_id (rand);

    t += (gint64) g_rand_int_range (rand, 600, 6 * 3600) * 1000;
    if (!door->online)
      continue;
    g_ptr_array_add (world->access_records,
                     hcc_sim_world_new_record (world, guid, door,
                                               granted ? granted_types[kind] : denied_types[kind],
                                               granted, granted || kind != 0 ? person : NULL, t));
  }
}

HccSimWorld *
hcc_sim_world_new (guint64 seed,
                   guint   n_residents)
{
  g_autoptr(GRand) rand = NULL;
  HccSimWorld *world = g_new0 (HccSimWorld, 1);
  guint32 seed_words[2] = { (guint32) (seed & 0xffffffff), (guint32) (seed >> 32) };
  guint n_rooms;
  gint64 now_ms = g_get_real_time () / 1000;

  rand = g_rand_new_with_seed_array (seed_words, 2);
  if (n_residents == 0)
    n_residents = DEFAULT_RESIDENTS;
  /* About 2.5 residents per room, with room to spare for person/add. */
  n_rooms = MAX (70, (n_residents * 2 + 4) / 5);

  world->base_ms = now_ms - now_ms % DAY_MS;
  world->system_id = rand_hex_id (rand);
  world->site_name = g_strdup ("Riverside Residences");
  world->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) area_free);
  world->buildings = g_ptr_array_new_with_free_func ((GDestroyNotify) building_free);
  world->rooms = g_ptr_array_new_with_free_func ((GDestroyNotify) room_free);
  world->persons = g_ptr_array_new_with_free_func ((GDestroyNotify) hcc_sim_person_free);
  world->devices = g_ptr_array_new_with_free_func ((GDestroyNotify) device_free);
  world->doors = g_ptr_array_new_with_free_func ((GDestroyNotify) door_free);
  world->cameras = g_ptr_array_new_with_free_func ((GDestroyNotify) camera_free);
  world->access_levels = g_ptr_array_new_with_free_func ((GDestroyNotify) access_level_free);
  world->passes = g_ptr_array_new_with_free_func ((GDestroyNotify) hcc_sim_pass_free);
  world->users = g_ptr_array_new_with_free_func ((GDestroyNotify) user_free);
  world->access_records = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  world->areas_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  world->buildings_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  world->rooms_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  world->persons_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  world->devices_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  world->devices_by_serial = g_hash_table_new (g_str_hash, g_str_equal);
  world->doors_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  world->cameras_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  world->access_levels_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  world->passes_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  world->users_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  build_areas_and_buildings (world, rand, n_rooms);
  build_devices (world, rand);
  build_access_levels (world, rand);
  build_users_and_passes (world, rand);
  build_residents (world, rand, n_residents);
  build_access_records (world, rand);

  return world;
}

void
hcc_sim_world_free (HccSimWorld *world)
{
  if (world == NULL)
    return;

  /* Tables first: they point into the arrays. */
  g_hash_table_unref (world->areas_by_id);
  g_hash_table_unref (world->buildings_by_id);
  g_hash_table_unref (world->rooms_by_id);
  g_hash_table_unref (world->persons_by_id);
  g_hash_table_unref (world->devices_by_id);
  g_hash_table_unref (world->devices_by_serial);
  g_hash_table_unref (world->doors_by_id);
  g_hash_table_unref (world->cameras_by_id);
  g_hash_table_unref (world->access_levels_by_id);
  g_hash_table_unref (world->passes_by_id);
  g_hash_table_unref (world->users_by_id);

  g_ptr_array_unref (world->areas);
  g_ptr_array_unref (world->buildings);
  g_ptr_array_unref (world->rooms);
  g_ptr_array_unref (world->persons);
  g_ptr_array_unref (world->devices);
  g_ptr_array_unref (world->doors);
  g_ptr_array_unref (world->cameras);
  g_ptr_array_unref (world->access_levels);
  g_ptr_array_unref (world->passes);
  g_ptr_array_unref (world->users);
  g_ptr_array_unref (world->access_records);
  g_free (world->system_id);
  g_free (world->site_name);
  g_free (world->root_area_id);
  g_free (world);
}

HccSimUser *
hcc_sim_world_find_user_by_key (HccSimWorld *world,
                                const char  *app_key)
{
  g_return_val_if_fail (world != NULL, NULL);

  if (app_key == NULL)
    return NULL;

  for (guint i = 0; i < world->users->len; i++) {
    HccSimUser *user = g_ptr_array_index (world->users, i);

    if (user->app_key != NULL && strcmp (user->app_key, app_key) == 0)
      return user;
  }

  return NULL;
}

GPtrArray *
hcc_sim_world_dup_door_stations (HccSimWorld *world)
{
  GPtrArray *stations = g_ptr_array_new ();

  g_return_val_if_fail (world != NULL, stations);

  for (guint i = 0; i < world->devices->len; i++) {
    HccSimDevice *device = g_ptr_array_index (world->devices, i);

    if (g_strcmp0 (device->category, "videoIntercomDevice") == 0 && device->door_ids->len > 0)
      g_ptr_array_add (stations, device);
  }

  return stations;
}

HccSimRoom *
hcc_sim_world_find_room (HccSimWorld *world,
                         const char  *building_id,
                         guint        number)
{
  HccSimBuilding *building;
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (world != NULL, NULL);

  if (building_id == NULL ||
      !(building = g_hash_table_lookup (world->buildings_by_id, building_id)))
    return NULL;

  /* The rooms of a building are sorted by number. */
  hi = building->rooms->len;
  while (lo < hi) {
    guint mid = (lo + hi) / 2;
    HccSimRoom *room = g_ptr_array_index (building->rooms, mid);

    if (room->number == number)
      return room;
    if (room->number < number)
      lo = mid + 1;
    else
      hi = mid;
  }

  return NULL;
}

HccSimPerson *
hcc_sim_world_find_room_resident (HccSimWorld *world,
                                  HccSimRoom  *room)
{
  HccSimPerson *first = NULL;

  g_return_val_if_fail (world != NULL, NULL);
  g_return_val_if_fail (room != NULL, NULL);

  for (guint i = 0; i < world->persons->len; i++) {
    HccSimPerson *person = g_ptr_array_index (world->persons, i);

    for (guint k = 0; k < person->rooms->len; k++) {
      HccSimRoomLink *link = g_ptr_array_index (person->rooms, k);

      if (strcmp (link->room_id, room->id) != 0)
        continue;
      if (link->account_type == 1)
        return person;
      if (first == NULL)
        first = person;
    }
  }

  return first;
}

HccSimRoomLink *
hcc_sim_person_find_link (HccSimPerson *person,
                          const char   *room_id)
{
  g_return_val_if_fail (person != NULL, NULL);

  for (guint k = 0; k < person->rooms->len; k++) {
    HccSimRoomLink *link = g_ptr_array_index (person->rooms, k);

    if (g_strcmp0 (link->room_id, room_id) == 0)
      return link;
  }

  return NULL;
}

GHashTable *
hcc_sim_world_count_room_persons (HccSimWorld *world)
{
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (world != NULL, counts);

  for (guint i = 0; i < world->persons->len; i++) {
    HccSimPerson *person = g_ptr_array_index (world->persons, i);

    for (guint k = 0; k < person->rooms->len; k++) {
      HccSimRoomLink *link = g_ptr_array_index (person->rooms, k);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, link->room_id));

      g_hash_table_insert (counts, link->room_id, GUINT_TO_POINTER (n + 1));
    }
  }

  return counts;
}

GHashTable *
hcc_sim_world_dup_householders (HccSimWorld *world)
{
  GHashTable *holders = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (world != NULL, holders);

  for (guint i = 0; i < world->persons->len; i++) {
    HccSimPerson *person = g_ptr_array_index (world->persons, i);

    for (guint k = 0; k < person->rooms->len; k++) {
      HccSimRoomLink *link = g_ptr_array_index (person->rooms, k);

      if (link->account_type == 1)
        g_hash_table_insert (holders, link->room_id, person);
    }
  }

  return holders;
}

gboolean
hcc_sim_world_area_within (HccSimWorld *world,
                           const char  *area_id,
                           const char  *ancestor_id,
                           gboolean     include_sub_areas)
{
  g_return_val_if_fail (world != NULL, FALSE);

  /* No filter, "-1" or an empty ID mean the whole site. */
  if (ancestor_id == NULL || *ancestor_id == '\0' || strcmp (ancestor_id, "-1") == 0)
    return TRUE;
  if (area_id == NULL)
    return FALSE;
  if (strcmp (area_id, ancestor_id) == 0)
    return TRUE;
  if (!include_sub_areas)
    return FALSE;

  /* Areas are a shallow tree: walk up from @area_id. */
  for (guint depth = 0; depth < 32; depth++) {
    HccSimArea *area = g_hash_table_lookup (world->areas_by_id, area_id);

    if (area == NULL || area->parent_id == NULL)
      return FALSE;
    if (strcmp (area->parent_id, ancestor_id) == 0)
      return TRUE;
    area_id = area->parent_id;
  }

  return FALSE;
}

int
_hcc_sim_domain_get_int (JsonObject *object,
                         const char *member,
                         gint64     *value)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, member)) ||
      JSON_NODE_HOLDS_NULL (node))
    return 0;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return -1;

  switch (json_node_get_value_type (node)) {
  case G_TYPE_INT64:
    *value = json_node_get_int (node);
    return 1;
  case G_TYPE_BOOLEAN:
    *value = json_node_get_boolean (node) ? 1 : 0;
    return 1;
  case G_TYPE_DOUBLE: {
    double d = json_node_get_double (node);

    if (d != (double) (gint64) d)
      return -1;
    *value = (gint64) d;
    return 1;
  }
  case G_TYPE_STRING: {
    g_autofree char *text = g_strstrip (g_strdup (json_node_get_string (node)));
    char *end = NULL;
    gint64 parsed;

    if (*text == '\0')
      return 0;
    parsed = g_ascii_strtoll (text, &end, 10);
    if (end == NULL || *end != '\0')
      return -1;
    *value = parsed;
    return 1;
  }
  default:
    return -1;
  }
}

static void
add_id_text (GPtrArray  *ids,
             const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++) {
    char *item = g_strstrip (parts[i]);

    if (*item != '\0')
      g_ptr_array_add (ids, g_strdup (item));
  }
}

GPtrArray *
_hcc_sim_domain_dup_ids (JsonObject *object,
                         const char *member)
{
  JsonNode *node;
  GPtrArray *ids;

  if (object == NULL || !(node = json_object_get_member (object, member)) ||
      JSON_NODE_HOLDS_NULL (node))
    return NULL;

  ids = g_ptr_array_new_with_free_func (g_free);
  if (JSON_NODE_HOLDS_ARRAY (node)) {
    JsonArray *array = json_node_get_array (node);

    for (guint i = 0; i < json_array_get_length (array); i++) {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element))
        continue;
      /* IDs are 18 digits: an integer is formatted, never read as a double. */
      if (json_node_get_value_type (element) == G_TYPE_INT64)
        g_ptr_array_add (ids, g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (element)));
      else if (json_node_get_value_type (element) == G_TYPE_STRING)
        add_id_text (ids, json_node_get_string (element));
    }
  } else if (JSON_NODE_HOLDS_VALUE (node)) {
    if (json_node_get_value_type (node) == G_TYPE_INT64)
      g_ptr_array_add (ids, g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node)));
    else if (json_node_get_value_type (node) == G_TYPE_STRING)
      add_id_text (ids, json_node_get_string (node));
  }

  return ids;
}

gboolean
_hcc_sim_domain_match (const char *haystack,
                       const char *needle)
{
  g_autofree char *folded_haystack = NULL;
  g_autofree char *folded_needle = NULL;

  if (needle == NULL || *needle == '\0')
    return TRUE;
  if (haystack == NULL)
    return FALSE;

  folded_haystack = g_utf8_casefold (haystack, -1);
  folded_needle = g_utf8_casefold (needle, -1);

  return strstr (folded_haystack, folded_needle) != NULL;
}

gboolean
_hcc_sim_domain_get_paging (JsonObject  *object,
                            const char  *index_key,
                            const char  *size_key,
                            gint64       default_index,
                            guint        default_size,
                            guint        max_size,
                            gboolean     zero_is_default,
                            gint64      *index,
                            guint       *size,
                            HccSimReply *reply)
{
  gint64 value = 0;
  int found;

  *index = default_index;
  *size = default_size;

  found = _hcc_sim_domain_get_int (object, index_key, &value);
  if (found < 0 || (found > 0 && value < 0)) {
    _hcc_sim_reply_error (reply, "OPEN000010", "%s is invalid", index_key);
    return FALSE;
  }
  if (found > 0)
    *index = value;

  found = _hcc_sim_domain_get_int (object, size_key, &value);
  if (found < 0) {
    _hcc_sim_reply_error (reply, "OPEN000010", "%s is invalid", size_key);
    return FALSE;
  }
  if (found == 0 || (value == 0 && zero_is_default))
    return TRUE;
  if (value < 1 || value > max_size) {
    _hcc_sim_reply_error (reply, "OPEN000025",
                          "pageSize must be between 1 and %u", max_size);
    return FALSE;
  }
  *size = (guint) value;

  return TRUE;
}
