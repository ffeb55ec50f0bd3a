/* concierge-call-place.c: where a door station's call rings, from the directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Moved out of the call view (calls helper's place look-up) so that the
 * call queue, which has no UI, can log the building of each call too.
 */

#define G_LOG_DOMAIN "concierge-call-place"

#include "config.h"

#include "concierge-call-place.h"

/* The station's building: the directory's buildings list the names of
 * their devices (Building.deviceNames, comma-separated), which is the
 * platform's own word; failing that, the building whose area the station's
 * camera is in. NULL when neither says, or says several. */
static HccBuilding *
station_building (GListModel *buildings,
                  HccCall    *call,
                  const char *camera_area)
{
  const char *station = hcc_call_get_device_name (call);
  HccBuilding *by_device = NULL;
  HccBuilding *by_area = NULL;
  guint n_by_device = 0;
  guint n_by_area = 0;
  guint n = g_list_model_get_n_items (buildings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HccBuilding) building = g_list_model_get_item (buildings, i);
      g_auto(GStrv) devices = NULL;

      if (station != NULL && *station != '\0' && hcc_building_get_device_names (building) != NULL)
        {
          devices = g_strsplit (hcc_building_get_device_names (building), ",", -1);
          for (guint j = 0; devices[j] != NULL; j++)
            if (g_str_equal (g_strstrip (devices[j]), station))
              {
                by_device = building;
                n_by_device++;
                break;
              }
        }
      if (camera_area != NULL && *camera_area != '\0' &&
          (g_strcmp0 (hcc_building_get_area_name (building), camera_area) == 0 ||
           g_strcmp0 (hcc_building_get_name (building), camera_area) == 0))
        {
          by_area = building;
          n_by_area++;
        }
    }

  /* The model keeps its items alive: no reference needs to be returned. */
  if (n_by_device == 1)
    return by_device;
  if (n_by_device == 0 && n_by_area == 1)
    return by_area;
  return NULL;
}

static const char *
building_name (GListModel *buildings,
               const char *building_id)
{
  guint n = g_list_model_get_n_items (buildings);

  for (guint i = 0; building_id != NULL && i < n; i++)
    {
      g_autoptr(HccBuilding) building = g_list_model_get_item (buildings, i);

      if (g_strcmp0 (hcc_building_get_id (building), building_id) == 0)
        return hcc_building_get_name (building);
    }

  return NULL;
}

/* Of the rooms with the called number: the one in the station's building,
 * else the only one; a number found in several buildings with nothing to
 * tell them apart stays unknown rather than guessed. */
static HccRoom *
pick_room (GPtrArray   *candidates,
           HccBuilding *building)
{
  for (guint i = 0; building != NULL && i < candidates->len; i++)
    if (g_strcmp0 (hcc_room_get_building_id (g_ptr_array_index (candidates, i)),
                   hcc_building_get_id (building)) == 0)
      return g_ptr_array_index (candidates, i);

  return candidates->len == 1 ? g_ptr_array_index (candidates, 0) : NULL;
}

/* Adds the rooms of @rooms numbered @number to @candidates, as the
 * directory knows them (a resident's roomList may carry little more than
 * the IDs). */
static void
add_rooms_numbered (ConciergeDirectory *directory,
                    GListModel         *rooms,
                    const char         *number,
                    GPtrArray          *candidates)
{
  guint n = g_list_model_get_n_items (rooms);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HccRoom) listed = g_list_model_get_item (rooms, i);
      HccRoom *room = concierge_directory_lookup_room (directory, hcc_room_get_id (listed));

      if (room == NULL)
        room = listed;
      /* The directory's models and the resident keep their items alive. */
      if (g_strcmp0 (hcc_room_get_number (room), number) == 0)
        g_ptr_array_add (candidates, room);
    }
}

void
concierge_call_find_place (ConciergeDirectory  *directory,
                           HccCall             *call,
                           const char          *camera_area,
                           char               **building_out,
                           char               **room_id_out)
{
  const char *number = hcc_call_get_room_number (call);
  HccBuilding *building = NULL;
  HccRoom *room = NULL;

  *building_out = NULL;
  *room_id_out = NULL;

  if (directory != NULL)
    building = station_building (concierge_directory_get_buildings (directory), call, camera_area);

  if (directory != NULL && hcc_call_get_call_type (call) == HCC_CALL_TYPE_ROOM &&
      number != NULL && *number != '\0')
    {
      g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
      HccResident *resident = concierge_directory_lookup_resident (directory,
                                                                   hcc_call_get_person_id (call));

      /* The called room's resident (DeviceTalkInfo.personId) tells the
       * room even when its number is in every building and the station
       * (a main gate) belongs to none. */
      if (resident != NULL)
        add_rooms_numbered (directory, hcc_resident_get_rooms (resident), number, candidates);
      room = pick_room (candidates, building);

      if (room == NULL)
        {
          g_ptr_array_set_size (candidates, 0);
          add_rooms_numbered (directory, concierge_directory_get_rooms (directory), number,
                              candidates);
          room = pick_room (candidates, building);
        }
    }

  if (room != NULL)
    {
      const char *name = hcc_room_get_building_name (room);

      *room_id_out = g_strdup (hcc_room_get_id (room));
      /* buildName is sometimes missing from rooms (T37): the building's own. */
      if (name == NULL || *name == '\0')
        name = building_name (concierge_directory_get_buildings (directory),
                              hcc_room_get_building_id (room));
      *building_out = g_strdup (name);
    }
  if (*building_out == NULL && building != NULL)
    *building_out = g_strdup (hcc_building_get_name (building));
  /* A station outside every building (a main gate) still has a place. */
  if (*building_out == NULL && camera_area != NULL && *camera_area != '\0')
    *building_out = g_strdup (camera_area);
}

