/* hcc-directory.c: buildings, rooms and residents (the vims directory)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-directory"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hcc-directory.h"
#include "hcc-error.h"
#include "hcc-json.h"
#include "hcc-pager.h"
#include "hcc-validation.h"

/* The vims searches page with pageNum/totalNum. The guide's examples show
 * both 0 and 1 as the first page (T19); we send 1-based pages as the
 * catalogue advises, and stop on a short page as well as on the total. */
#define VIMS_PAGE_SIZE 200

static const HccPagerConfig buildings_pager = {
  .page_key = "pageNum",
  .base = 1,
  .probe_base_zero = TRUE,
  .page_size = VIMS_PAGE_SIZE,
  .list_keys = "buildList|buildingList",
  .total_keys = "totalNum|totalCount",
};

static const HccPagerConfig rooms_pager = {
  .page_key = "pageNum",
  .base = 1,
  .probe_base_zero = TRUE,
  .page_size = VIMS_PAGE_SIZE,
  .list_keys = "roomList",
  .total_keys = "totalNum|totalCount",
};

static const HccPagerConfig residents_pager = {
  .page_key = "pageNum",
  .base = 1,
  .probe_base_zero = TRUE,
  .page_size = VIMS_PAGE_SIZE,
  .list_keys = "personList",
  .total_keys = "totalNum|totalCount",
};

static const HccJsonField building_fields[] = {
  { "buildId|buildingId", "id", TRUE },
  { "buildName|buildingName", "name", FALSE },
  { "areaId|areaID", "area-id", FALSE },
  { "areaName", "area-name", FALSE },
  { "totalRoom", "total-rooms", FALSE },
  { "totalPerson", "total-persons", FALSE },
  { "deviceNames", "device-names", FALSE },
};

/* RoomVO and RoomDTO share their names; buildName and areaId are typed
 * Integer by the guide but are a name and an ID (T37): read as text. */
static const HccJsonField room_fields[] = {
  { "roomId", "id", TRUE },
  { "roomName", "name", FALSE },
  { "roomNum", "number", FALSE },
  { "buildId|buildingId", "building-id", FALSE },
  { "buildName|buildingName", "building-name", FALSE },
  { "areaId|areaID", "area-id", FALSE },
  { "areaName", "area-name", FALSE },
  { "personAmount", "person-amount", FALSE },
  { "mainAccount", "main-account", FALSE },
  { "email", "email", FALSE },
  { "phone", "phone", FALSE },
  { "accountType", "account-type", FALSE },
};

static const HccJsonField resident_fields[] = {
  { "personId|id", "id", TRUE },
  { "firstName", "first-name", FALSE },
  { "lastName", "last-name", FALSE },
  { "phone|phoneNum", "phone", FALSE },
  { "email", "email", FALSE },
  { "isExpired", "expired", FALSE },
  { "photoUrl", "photo-url", FALSE },
  { "headPicUrl", "head-pic-url", FALSE },
  { "gender", "gender", FALSE },
  { "startDate|startTime", "start-time", FALSE },
  { "endDate|endTime", "end-time", FALSE },
};

/* PersonInfo(1) of persons/get. The table spells the request key Id and
 * the example personId (T6); the reply is read with both. The dates are
 * epoch ms here (T11), which the time mapping takes as it comes. */
static const HccJsonField person_fields[] = {
  { "personId|id", "id", FALSE },
  { "personCode", "person-code", FALSE },
  { "firstName", "first-name", FALSE },
  { "lastName", "last-name", FALSE },
  { "gender", "gender", FALSE },
  { "phone|phoneNum", "phone", FALSE },
  { "email", "email", FALSE },
  { "description", "description", FALSE },
  { "headPicUrl", "head-pic-url", FALSE },
  { "startDate|startTime", "start-time", FALSE },
  { "endDate|endTime", "end-time", FALSE },
};

/* The invitation languages of vims/v1/person/add (catalogue §3.4). */
static const char * const languages[] = {
  "en", "it", "es", "de", "fr", "pl", "nl", "pt", "ru", "tr", "ko",
  "zh_TW", "zh_CN", "th", "vi", "ja", "pt_BR", "ar", "id",
};

#define NAME_MAX_CHARS 128
#define LAST_VALID_YEAR 2037

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

static void
map_resident_rooms (JsonObject *item,
                    GObject    *target)
{
  g_autoptr(JsonArray) rooms = hcc_json_dup_array (item, "roomList", NULL);
  g_autoptr(GListModel) model = NULL;

  if (rooms == NULL)
    return;

  model = hcc_pager_map_items (rooms, HCC_TYPE_ROOM,
                               room_fields, G_N_ELEMENTS (room_fields), NULL);
  hcc_resident_set_rooms (HCC_RESIDENT (target), model);
}

typedef struct {
  GType             (*get_type) (void);
  const HccJsonField *fields;
  gsize               n_fields;
  HccPagerMapFunc     extra;
} ListKind;

static const ListKind building_kind = {
  hcc_building_get_type, building_fields, G_N_ELEMENTS (building_fields), NULL
};
static const ListKind room_kind = {
  hcc_room_get_type, room_fields, G_N_ELEMENTS (room_fields), NULL
};
static const ListKind resident_kind = {
  hcc_resident_get_type, resident_fields, G_N_ELEMENTS (resident_fields), map_resident_rooms
};

/* The mapping of a fetched listing, on a worker thread: 10,000 residents
 * with their rooms are some 20,000 objects, about half a second of work that
 * would otherwise hold the main loop in one stretch. The worker's task has
 * no source object and holds only the JSON, so whichever thread drops it
 * last frees nothing that belongs to the main thread; the caller's task,
 * with the client, stays on the main thread. */
typedef struct {
  const ListKind *kind;
  JsonArray      *items;  /* (owned) (nullable) */
} MapJob;

static void
map_job_free (MapJob *job)
{
  g_clear_pointer (&job->items, json_array_unref);
  g_free (job);
}

static void
map_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  MapJob *job = task_data;
  GListModel *model;

  model = hcc_pager_map_items (job->items, job->kind->get_type (),
                               job->kind->fields, job->kind->n_fields, job->kind->extra);
  /* The JSON goes here too: freeing it is a long stretch of its own. */
  g_clear_pointer (&job->items, json_array_unref);

  g_task_return_pointer (task, model, g_object_unref);
}

static void
mapped_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GListModel *model;
  GError *error = NULL;

  if (!(model = g_task_propagate_pointer (G_TASK (result), &error)))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, model, g_object_unref);
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GTask) map_task = NULL;
  g_autoptr(JsonArray) items = NULL;
  g_autoptr(GError) error = NULL;
  MapJob *job;

  if (!(items = hcc_pager_fetch_finish (result, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job = g_new0 (MapJob, 1);
  job->kind = g_task_get_task_data (task);
  job->items = g_steal_pointer (&items);

  map_task = g_task_new (NULL, g_task_get_cancellable (task), mapped_cb, g_object_ref (task));
  g_task_set_source_tag (map_task, map_thread);
  g_task_set_task_data (map_task, job, (GDestroyNotify) map_job_free);
  g_task_run_in_thread (map_task, map_thread);
}

static JsonObject *
new_criteria (const char *building_id)
{
  JsonObject *criteria = json_object_new ();

  /* "-1" is the root area; with sub-areas, that is the whole site. */
  json_object_set_string_member (criteria, "areaId", "-1");
  json_object_set_int_member (criteria, "isContainSubArea", 1);
  if (building_id != NULL && *building_id != '\0')
    json_object_set_string_member (criteria, "buildId", building_id);

  return criteria;
}

static void
start_list (HccClient            *client,
            gpointer              source_tag,
            const char           *path,
            const HccPagerConfig *pager,
            const ListKind       *kind,
            JsonObject           *body,
            GCancellable         *cancellable,
            GAsyncReadyCallback   callback,
            gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (client, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, (gpointer) kind, NULL);
  hcc_pager_fetch_async (client, path, pager, body, cancellable, list_cb, g_steal_pointer (&task));
}

static GListModel *
finish_list (HccClient     *client,
             GAsyncResult  *result,
             gpointer       source_tag,
             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
hcc_directory_list_buildings_async (HccClient           *client,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();

  g_return_if_fail (HCC_IS_CLIENT (client));

  json_object_set_object_member (body, "searchCriteria", new_criteria (NULL));
  start_list (client, hcc_directory_list_buildings_async, "/vims/v1/build/search",
              &buildings_pager, &building_kind, body, cancellable, callback, user_data);
}

GListModel *
hcc_directory_list_buildings_finish (HccClient     *client,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return finish_list (client, result, hcc_directory_list_buildings_async, error);
}

void
hcc_directory_list_rooms_async (HccClient           *client,
                                const char          *building_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();

  g_return_if_fail (HCC_IS_CLIENT (client));

  json_object_set_object_member (body, "searchCriteria", new_criteria (building_id));
  start_list (client, hcc_directory_list_rooms_async, "/vims/v1/room/search",
              &rooms_pager, &room_kind, body, cancellable, callback, user_data);
}

GListModel *
hcc_directory_list_rooms_finish (HccClient     *client,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return finish_list (client, result, hcc_directory_list_rooms_async, error);
}

void
hcc_directory_search_residents_async (HccClient           *client,
                                      const char          *building_id,
                                      const char          *query,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  JsonObject *criteria;

  g_return_if_fail (HCC_IS_CLIENT (client));

  criteria = new_criteria (building_id);
  if (query != NULL && *query != '\0')
    {
      JsonObject *filter = json_object_new ();

      json_object_set_string_member (filter, "name", query);
      json_object_set_object_member (criteria, "filter", filter);
    }

  /* The table names the criteria searchCriteria and the example
   * searchRequest (T6): send both, with the same content. */
  json_object_set_object_member (body, "searchRequest", json_object_ref (criteria));
  json_object_set_object_member (body, "searchCriteria", criteria);

  start_list (client, hcc_directory_search_residents_async, "/vims/v1/person/search",
              &residents_pager, &resident_kind, body, cancellable, callback, user_data);
}

GListModel *
hcc_directory_search_residents_finish (HccClient     *client,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return finish_list (client, result, hcc_directory_search_residents_async, error);
}

/* A request body of one string member. (transfer full) */
static JsonNode *
new_body_with_string (const char *member,
                      const char *value)
{
  JsonObject *root = json_object_new ();
  JsonNode *node;

  json_object_set_string_member (root, member, value);
  node = json_node_init_object (json_node_alloc (), root);
  json_object_unref (root);

  return node;
}

static void
get_person_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  const char *person_id = g_task_get_task_data (task);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) person = NULL;
  JsonObject *info = NULL;

  reply = hcc_client_request_finish (HCC_CLIENT (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (reply != NULL && JSON_NODE_HOLDS_OBJECT (reply))
    info = hcc_json_get_object (json_node_get_object (reply), "personInfo", NULL);
  if (info == NULL)
    {
      g_task_return_new_error (task, HCC_ERROR, HCC_ERROR_SERVER,
                               _("The platform sent no details of the person."));
      return;
    }

  if (!(person = hcc_pager_map_one (info, HCC_TYPE_RESIDENT, person_fields,
                                    G_N_ELEMENTS (person_fields), NULL, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The ID asked for is the person's, whether or not the reply repeats it. */
  if (hcc_resident_get_id (HCC_RESIDENT (person)) == NULL)
    hcc_resident_set_id (HCC_RESIDENT (person), person_id);

  g_task_return_pointer (task, g_steal_pointer (&person), g_object_unref);
}

void
hcc_directory_get_person_async (HccClient           *client,
                                const char          *person_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (HCC_IS_CLIENT (client));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_directory_get_person_async);

  if (person_id == NULL || *person_id == '\0')
    {
      g_task_return_error (task, hcc_validation_error_new ("personId",
                                                           _("Choose a person.")));
      return;
    }
  g_task_set_task_data (task, g_strdup (person_id), g_free);

  /* The example's personId, not the table's Id (T6). */
  body = new_body_with_string ("personId", person_id);

  /* A read: safe to repeat. Interactive, as a dialog waits for it. */
  hcc_client_request_async (client, HCC_LANE_INTERACTIVE, HCC_REQUEST_RETRY_SAFE,
                            "/person/v1/persons/get", body, cancellable,
                            get_person_cb, g_steal_pointer (&task));
}

HccResident *
hcc_directory_get_person_finish (HccClient     *client,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_directory_get_person_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
check_name (const char  *value,
            const char  *field,
            const char  *missing,
            const char  *too_long,
            GError     **error)
{
  if (value == NULL || is_blank (value))
    {
      g_propagate_error (error, hcc_validation_error_new (field, missing));
      return FALSE;
    }

  if (!g_utf8_validate (value, -1, NULL) || g_utf8_strlen (value, -1) > NAME_MAX_CHARS)
    {
      g_propagate_error (error, hcc_validation_error_new (field, too_long));
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_plausible_email (const char *email)
{
  const char *at = strchr (email, '@');

  return at != NULL && at != email && strchr (at + 1, '.') != NULL &&
         strchr (at + 1, '@') == NULL && strchr (email, ' ') == NULL &&
         strlen (email) <= 254;
}

static gboolean
is_plausible_phone (const char *phone)
{
  guint n_digits = 0;

  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        n_digits++;
      else if (strchr ("+-() ", *p) == NULL)
        return FALSE;
    }

  return n_digits >= 3 && strlen (phone) <= 32;
}

static char *
normalize_name (const char *name)
{
  g_auto(GStrv) words = g_strsplit_set (name, " \t", -1);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    g_string_append (joined, words[i]);

  return g_utf8_casefold (joined->str, -1);
}

/* Whether @main_account (a householder's name) is @resident, or names
 * nobody. The order of first and last name is not fixed. */
static gboolean
is_same_person (const char  *main_account,
                HccResident *resident)
{
  g_autofree char *main = NULL;
  g_autofree char *first_last = NULL;
  g_autofree char *last_first = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (main_account == NULL || is_blank (main_account))
    return TRUE;

  first_last = g_strconcat (hcc_resident_get_first_name (resident), " ",
                            hcc_resident_get_last_name (resident), NULL);
  last_first = g_strconcat (hcc_resident_get_last_name (resident), " ",
                            hcc_resident_get_first_name (resident), NULL);
  main = normalize_name (main_account);
  a = normalize_name (first_last);
  b = normalize_name (last_first);

  return g_str_equal (main, a) || g_str_equal (main, b);
}

gboolean
hcc_directory_validate_resident (HccResident  *resident,
                                 gboolean      is_update,
                                 GError      **error)
{
  const char *email;
  const char *phone;
  const char *language;
  GDateTime *start;
  GDateTime *end;
  GListModel *rooms;
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (HCC_IS_RESIDENT (resident), FALSE);

  if (is_update && (hcc_resident_get_id (resident) == NULL || *hcc_resident_get_id (resident) == '\0'))
    {
      g_propagate_error (error, hcc_validation_error_new ("id", _("The resident has no ID to update.")));
      return FALSE;
    }

  if (!check_name (hcc_resident_get_first_name (resident), "firstName",
                   _("Enter a first name."),
                   _("The first name can have at most 128 characters."), error) ||
      !check_name (hcc_resident_get_last_name (resident), "lastName",
                   _("Enter a last name."),
                   _("The last name can have at most 128 characters."), error))
    return FALSE;

  /* PersonDTO makes the e-mail address required for residents (T38). */
  email = hcc_resident_get_email (resident);
  if (email == NULL || *email == '\0')
    {
      g_propagate_error (error, hcc_validation_error_new ("email", _("Enter an e-mail address.")));
      return FALSE;
    }
  if (!is_plausible_email (email))
    {
      g_propagate_error (error, hcc_validation_error_new ("email",
                                                          _("The e-mail address is not valid.")));
      return FALSE;
    }

  phone = hcc_resident_get_phone (resident);
  if (phone != NULL && *phone != '\0' && !is_plausible_phone (phone))
    {
      g_propagate_error (error, hcc_validation_error_new ("phone",
                                                          _("The phone number is not valid.")));
      return FALSE;
    }

  start = hcc_resident_get_start_time (resident);
  end = hcc_resident_get_end_time (resident);
  if (end != NULL && g_date_time_get_year (end) > LAST_VALID_YEAR)
    {
      g_propagate_error (error, hcc_validation_error_new ("endDate",
                                                          _("The validity must end in 2037 at the latest.")));
      return FALSE;
    }
  if (start != NULL && end != NULL && g_date_time_compare (start, end) >= 0)
    {
      g_propagate_error (error, hcc_validation_error_new ("endDate",
                                                          _("The validity must end after it starts.")));
      return FALSE;
    }

  language = hcc_resident_get_language (resident);
  if (language != NULL && *language != '\0' &&
      !g_strv_contains ((const char * const *) languages, language))
    {
      g_propagate_error (error, hcc_validation_error_new ("language",
                                                          _("The invitation language is not supported.")));
      return FALSE;
    }

  rooms = hcc_resident_get_rooms (resident);
  if (g_list_model_get_n_items (rooms) == 0)
    {
      g_propagate_error (error, hcc_validation_error_new ("roomList",
                                                          _("Choose at least one room.")));
      return FALSE;
    }

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (rooms, i);
      const char *room_id = hcc_room_get_id (room);

      if (room_id == NULL || *room_id == '\0' ||
          hcc_room_get_building_id (room) == NULL || *hcc_room_get_building_id (room) == '\0')
        {
          g_propagate_error (error, hcc_validation_error_new ("roomList",
                                                              _("A room is missing its room or building ID.")));
          return FALSE;
        }

      /* Twice the same room would make the resident its householder and a
       * family member at once, or householder twice; a room has one. */
      if (!g_hash_table_add (seen, (gpointer) room_id))
        {
          g_propagate_error (error, hcc_validation_error_new ("roomList",
                                                              _("A room is listed twice.")));
          return FALSE;
        }

      /* A room from the room list names its householder (RoomVO
       * mainAccount); a second one is refused by the platform (VMS038011). */
      if (hcc_room_get_account_type (room) == 1 &&
          !is_same_person (hcc_room_get_main_account (room), resident))
        {
          g_propagate_error (error, hcc_validation_error_new ("roomList",
                                                              _("A room already has a householder.")));
          return FALSE;
        }
    }

  return TRUE;
}

static JsonArray *
new_string_array (const char * const *strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    json_array_add_string_element (array, strings[i]);

  return array;
}

static JsonNode *
build_resident_body (HccResident        *resident,
                     gboolean            is_update,
                     const char * const *access_level_ids)
{
  JsonObject *root = json_object_new ();
  JsonObject *info = json_object_new ();
  JsonArray *room_list = json_array_new ();
  GListModel *rooms = hcc_resident_get_rooms (resident);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) last = g_date_time_new_local (LAST_VALID_YEAR, 12, 31, 23, 59, 59);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  const char *id = hcc_resident_get_id (resident);
  const char *code = hcc_resident_get_person_code (resident);
  JsonNode *node;

  if (id != NULL && *id != '\0')
    json_object_set_string_member (info, "id", id);
  /* personCode must be empty on update (A.3.123) and only links an
   * existing person on add. */
  if (!is_update && code != NULL && *code != '\0')
    json_object_set_string_member (info, "personCode", code);
  json_object_set_string_member (info, "firstName", hcc_resident_get_first_name (resident));
  json_object_set_string_member (info, "lastName", hcc_resident_get_last_name (resident));
  json_object_set_int_member (info, "gender", hcc_resident_get_gender (resident));
  if (hcc_resident_get_phone (resident) != NULL)
    json_object_set_string_member (info, "phone", hcc_resident_get_phone (resident));
  json_object_set_string_member (info, "email", hcc_resident_get_email (resident));
  if (hcc_resident_get_description (resident) != NULL)
    json_object_set_string_member (info, "description", hcc_resident_get_description (resident));

  /* Both dates are required: a resident without dates is valid from now
   * until the last date the platform accepts. */
  start = hcc_time_format (hcc_resident_get_start_time (resident) != NULL ?
                           hcc_resident_get_start_time (resident) : now);
  end = hcc_time_format (hcc_resident_get_end_time (resident) != NULL ?
                         hcc_resident_get_end_time (resident) : last);
  json_object_set_string_member (info, "startDate", start);
  json_object_set_string_member (info, "endDate", end);
  json_object_set_object_member (root, "personBaseInfo", info);

  /* Every room of the model: update replaces the whole set. */
  for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (rooms, i);
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "roomId", hcc_room_get_id (room));
      json_object_set_string_member (entry, "buildId", hcc_room_get_building_id (room));
      json_object_set_string_member (entry, "areaId",
                                     hcc_room_get_area_id (room) != NULL ?
                                     hcc_room_get_area_id (room) : "-1");
      json_object_set_int_member (entry, "accountType", hcc_room_get_account_type (room));
      json_array_add_object_element (room_list, entry);
    }
  json_object_set_array_member (root, "roomList", room_list);

  if (access_level_ids != NULL && access_level_ids[0] != NULL)
    json_object_set_array_member (root, "alIds", new_string_array (access_level_ids));

  if (hcc_resident_get_language (resident) != NULL && *hcc_resident_get_language (resident) != '\0')
    json_object_set_string_member (root, "language", hcc_resident_get_language (resident));

  node = json_node_init_object (json_node_alloc (), root);
  json_object_unref (root);
  return node;
}

static void
add_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HccResident *resident = g_task_get_task_data (task);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *person_id = NULL;
  g_autoptr(JsonArray) failures = NULL;
  JsonObject *object;

  reply = hcc_client_request_finish (HCC_CLIENT (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (reply == NULL || !JSON_NODE_HOLDS_OBJECT (reply))
    {
      g_task_return_new_error (task, HCC_ERROR, HCC_ERROR_SERVER,
                               _("The platform did not return the new resident's ID."));
      return;
    }

  object = json_node_get_object (reply);
  person_id = hcc_json_dup_string (object, "personId", "id", NULL);
  if (person_id == NULL)
    {
      g_task_return_new_error (task, HCC_ERROR, HCC_ERROR_SERVER,
                               _("The platform did not return the new resident's ID."));
      return;
    }
  hcc_resident_set_id (resident, person_id);

  /* Partial success: the person exists, but a room refused them. */
  failures = hcc_json_dup_array (object, "failedResultList", NULL);
  if (failures != NULL && json_array_get_length (failures) > 0)
    {
      JsonNode *first = json_array_get_element (failures, 0);
      g_autofree char *room = NULL;

      if (JSON_NODE_HOLDS_OBJECT (first))
        room = hcc_json_dup_string (json_node_get_object (first), "roomName", "roomNum", NULL);
      g_task_return_new_error (task, HCC_ERROR, HCC_ERROR_CONFLICT,
                               _("The resident was added, but room %s has no place left."),
                               room != NULL ? room : "?");
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
empty_reply_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = hcc_client_request_finish (HCC_CLIENT (source), result, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
hcc_directory_add_resident_async (HccClient           *client,
                                  HccResident         *resident,
                                  const char * const  *access_level_ids,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) body = NULL;
  GError *error = NULL;

  g_return_if_fail (HCC_IS_CLIENT (client));
  g_return_if_fail (HCC_IS_RESIDENT (resident));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_directory_add_resident_async);
  g_task_set_task_data (task, g_object_ref (resident), g_object_unref);

  if (!hcc_directory_validate_resident (resident, FALSE, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  body = build_resident_body (resident, FALSE, access_level_ids);

  /* Not retried: a lost reply may hide a created person, and a second add
   * would create a duplicate and send a second invitation. */
  hcc_client_request_async (client, HCC_LANE_INTERACTIVE, HCC_REQUEST_NONE,
                            "/vims/v1/person/add", body, cancellable,
                            add_cb, g_steal_pointer (&task));
}

gboolean
hcc_directory_add_resident_finish (HccClient     *client,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_directory_add_resident_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
hcc_directory_update_resident_async (HccClient           *client,
                                     HccResident         *resident,
                                     const char * const  *access_level_ids,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) body = NULL;
  GError *error = NULL;

  g_return_if_fail (HCC_IS_CLIENT (client));
  g_return_if_fail (HCC_IS_RESIDENT (resident));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_directory_update_resident_async);

  if (!hcc_directory_validate_resident (resident, TRUE, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  body = build_resident_body (resident, TRUE, access_level_ids);

  /* The update sends the complete state, so repeating it is harmless. */
  hcc_client_request_async (client, HCC_LANE_INTERACTIVE, HCC_REQUEST_RETRY_SAFE,
                            "/vims/v1/person/update", body, cancellable,
                            empty_reply_cb, g_steal_pointer (&task));
}

gboolean
hcc_directory_update_resident_finish (HccClient     *client,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_directory_update_resident_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
has_ids (const char * const *ids)
{
  return ids != NULL && ids[0] != NULL && *ids[0] != '\0';
}

void
hcc_directory_unlink_residents_async (HccClient           *client,
                                      const char * const  *person_ids,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *root;

  g_return_if_fail (HCC_IS_CLIENT (client));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_directory_unlink_residents_async);

  if (!has_ids (person_ids))
    {
      g_task_return_error (task, hcc_validation_error_new ("deleteList",
                                                           _("Choose at least one resident.")));
      return;
    }

  root = json_object_new ();
  json_object_set_array_member (root, "deleteList", new_string_array (person_ids));
  body = json_node_init_object (json_node_alloc (), root);
  json_object_unref (root);

  /* Unlinking twice leaves the same state: safe to retry. */
  hcc_client_request_async (client, HCC_LANE_INTERACTIVE, HCC_REQUEST_RETRY_SAFE,
                            "/vims/v1/person/delete", body, cancellable,
                            empty_reply_cb, g_steal_pointer (&task));
}

gboolean
hcc_directory_unlink_residents_finish (HccClient     *client,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_directory_unlink_residents_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
hcc_directory_delete_persons_async (HccClient           *client,
                                    const char * const  *person_ids,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *joined = NULL;

  g_return_if_fail (HCC_IS_CLIENT (client));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_directory_delete_persons_async);

  if (!has_ids (person_ids))
    {
      g_task_return_error (task, hcc_validation_error_new ("personId",
                                                           _("Choose at least one person.")));
      return;
    }

  /* Several IDs travel comma-joined in one string (catalogue §5.14). */
  joined = g_strjoinv (",", (char **) person_ids);
  body = new_body_with_string ("personId", joined);

  /* Not retried: a repeat after success fails with "person not found",
   * which would turn a success into an error for the user. */
  hcc_client_request_async (client, HCC_LANE_INTERACTIVE, HCC_REQUEST_NONE,
                            "/person/v1/persons/delete", body, cancellable,
                            empty_reply_cb, g_steal_pointer (&task));
}

gboolean
hcc_directory_delete_persons_finish (HccClient     *client,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_directory_delete_persons_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

HccBuilding *
hcc_directory_parse_building (JsonObject  *object,
                              GError     **error)
{
  g_return_val_if_fail (object != NULL, NULL);

  return (HccBuilding *) hcc_pager_map_one (object, HCC_TYPE_BUILDING, building_fields, G_N_ELEMENTS (building_fields),
                                         NULL, error);
}

HccRoom *
hcc_directory_parse_room (JsonObject  *object,
                          GError     **error)
{
  g_return_val_if_fail (object != NULL, NULL);

  return (HccRoom *) hcc_pager_map_one (object, HCC_TYPE_ROOM, room_fields, G_N_ELEMENTS (room_fields),
                                     NULL, error);
}

HccResident *
hcc_directory_parse_resident (JsonObject  *object,
                              GError     **error)
{
  g_return_val_if_fail (object != NULL, NULL);

  return (HccResident *) hcc_pager_map_one (object, HCC_TYPE_RESIDENT, resident_fields, G_N_ELEMENTS (resident_fields),
                                         map_resident_rooms, error);
}
