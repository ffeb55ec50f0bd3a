/* test-hcc-fuzz.c: fixed-seed mutations of replies and events must never crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Known-good replies (envelopes, message batches with calls and door events,
 * token/get) are mutated by bit flips, truncations, insertions and JSON type
 * swaps, then decoded the way the client does. Nothing may crash, warn
 * (G_DEBUG=fatal-warnings) or leak under ASan; results are not checked
 * beyond their basic consistency. The seed is fixed, so a failure repeats.
 */

#include "config.h"

#include <string.h>

#include "hcc-client.h"
#include "hcc-error.h"
#include "hcc-event-stream.h"
#include "hcc-json.h"

#define FUZZ_SECONDS 8

static const char * const seeds[] = {
  "{\"errorCode\":\"0\",\"message\":\"success\",\"data\":{\"accessToken\":\"hcc.abc\","
  "\"expireTime\":1655193135,\"userId\":\"u1\",\"areaDomain\":\"https://isgp.hikcentralconnect.com\"}}",
  "{\"errorCode\":\"VMS038027\",\"message\":\"Call answered{VMS038027}\"}",
  "{\"errorCode \":0,\"Message\":\"x\",\"Data\":[1,2,{\"id\":288329024512665601}]}",
  "{\"errorCode\":\"0\",\"data\":{\"batchId\":\"b0123\",\"remainingNumber\":2,\"event\":["
  "{\"uuid\":\"a1\",\"update\":false,\"basicInfo\":{\"occurrenceTime\":\"2023-05-08 11:15:26\","
  "\"msgType\":\"Msg140001\",\"resource\":{\"id\":\"r\",\"name\":\"n\"},\"device\":{\"id\":\"d\","
  "\"name\":\"Gate\",\"category\":\"x\",\"deviceSerial\":\"Q1\"},\"systemId\":\"s\"},"
  "\"data\":{\"deviceTalkInfo\":{\"msgId\":\"237160983473358848\",\"msgType\":0,\"callType\":0,"
  "\"roomNumber\":101,\"userId\":\"u\",\"personId\":\"p\",\"deviceSerial\":\"Q1\",\"deviceName\":\"Gate\","
  "\"deviceId\":\"d\",\"doorInfos\":[{\"doorId\":\"1\",\"doorName\":\"Main\"},{\"doorId\":2}]}}},"
  "{\"uuid\":\"a2\",\"basicInfo\":{\"msgType\":\"Msg110003\",\"occurrenceTime\":\"2023-10-21T11:08:23+08:00\"},"
  "\"data\":{\"openDoorInfo\":{\"event\":{\"basicInfo\":{\"eventType\":110003,\"elementId\":\"e\","
  "\"elementName\":\"Door\",\"elementType\":1002,\"occurTime\":\"20231021T110823+08\",\"serialNo\":7},"
  "\"intelliInfo\":{\"cardNumber\":\"123\",\"personId\":\"p\",\"firstName\":\"A\",\"lastName\":\"B\","
  "\"authResult\":\"1\"}}}}}]}}",
  "{\"errorCode\":\"0\",\"data\":{\"remainingNumber\":0,\"event\":[]}}",
  "{\"errorCode\":\"THD_ISAPI_0x6000601a\",\"errorMsg\":\"dup\"}",
};

/* json_node_init_object() and _array() take a ref of their own. */
static JsonNode *
take_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

static JsonNode *
take_array (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

static JsonNode *
random_node (GRand    *rand,
             JsonNode *original)
{
  switch (g_rand_int_range (rand, 0, 10))
    {
    case 0: return json_node_new (JSON_NODE_NULL);
    case 1: return json_node_init_int (json_node_alloc (), (gint64) g_rand_int (rand) * 1000003);
    case 2: return json_node_init_double (json_node_alloc (), g_rand_double_range (rand, -1e20, 1e20));
    case 3: return json_node_init_string (json_node_alloc (), "");
    case 4: return json_node_init_string (json_node_alloc (), "99999999999999999999");
    case 5: return json_node_init_boolean (json_node_alloc (), g_rand_boolean (rand));
    case 6: return take_object (json_object_new ());
    case 7: return take_array (json_array_new ());
    case 8:
      {
        /* The value wrapped in a list (the reverse of trap T7). */
        JsonArray *array = json_array_new ();

        json_array_add_element (array, json_node_copy (original));
        return take_array (array);
      }
    default:
      return json_node_init_string (json_node_alloc (), "2023-13-45T99:99:99+99:99");
    }
}

/* Swaps the types of some members, deep copies only (never shared nodes). */
static JsonNode *
mutate_tree (GRand    *rand,
             JsonNode *node,
             guint     depth)
{
  if (depth > 12)
    return json_node_copy (node);

  if (g_rand_int_range (rand, 0, 12) == 0)
    return random_node (rand, node);

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *copy = json_object_new ();
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        {
          /* Sometimes drop a member, sometimes spoil its name (T17). */
          if (g_rand_int_range (rand, 0, 20) == 0)
            continue;
          if (g_rand_int_range (rand, 0, 20) == 0)
            {
              g_autofree char *spaced = g_strdup_printf (" %s ", name);

              json_object_set_member (copy, spaced, mutate_tree (rand, member, depth + 1));
            }
          else
            json_object_set_member (copy, name, mutate_tree (rand, member, depth + 1));
        }
      return take_object (copy);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *source = json_node_get_array (node);
      JsonArray *copy = json_array_new ();

      for (guint i = 0; i < json_array_get_length (source); i++)
        {
          json_array_add_element (copy, mutate_tree (rand, json_array_get_element (source, i),
                                                     depth + 1));
          /* Duplicates, as a redelivery would bring. */
          if (g_rand_int_range (rand, 0, 8) == 0)
            json_array_add_element (copy, json_node_copy (json_array_get_element (source, i)));
        }
      return take_array (copy);
    }

  return json_node_copy (node);
}

static char *
mutate_bytes (GRand      *rand,
              const char *text,
              gsize      *len)
{
  GString *s = g_string_new (text);
  guint n = g_rand_int_range (rand, 1, 6);

  for (guint i = 0; i < n && s->len > 0; i++)
    {
      guint pos = g_rand_int_range (rand, 0, s->len);

      switch (g_rand_int_range (rand, 0, 5))
        {
        case 0:
          s->str[pos] ^= 1 << g_rand_int_range (rand, 0, 8);
          break;
        case 1:
          g_string_truncate (s, pos);
          break;
        case 2:
          g_string_insert_c (s, pos, "{}[]\",:0-e\\\x01\xff"[g_rand_int_range (rand, 0, 14)]);
          break;
        case 3:
          {
            gsize span = g_rand_int_range (rand, 1, 16);

            g_string_erase (s, pos, MIN (s->len - pos, span));
          }
          break;
        default:
          s->str[pos] = '\0';
          break;
        }
    }

  *len = s->len;
  return g_string_free (s, FALSE);
}

/* Everything the client does with a reply body. */
static void
consume (HccEventStream *stream,
         const char     *body,
         gsize           len,
         guint           status)
{
  g_autoptr(GBytes) bytes = g_bytes_new (body, len);
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(GError) error = NULL;

  if (!hcc_client_decode_envelope (status, bytes, &data, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == HCC_ERROR);
      g_assert_null (data);
      return;
    }
  g_assert_no_error (error);

  hcc_event_stream_process_batch (stream, data);

  if (data != NULL && JSON_NODE_HOLDS_OBJECT (data))
    {
      JsonObject *object = json_node_get_object (data);
      g_autofree char *token = hcc_json_dup_string (object, "accessToken", NULL);
      g_autoptr(GDateTime) time = hcc_json_dup_time (object, "expireTime", NULL);
      g_autoptr(JsonArray) events = hcc_json_dup_array (object, "event", NULL);
      g_autoptr(GError) item_error = NULL;
      gint64 n;
      gboolean b;

      hcc_json_get_int (object, &n, "remainingNumber", NULL);
      hcc_json_get_bool (object, &b, "update", NULL);
      hcc_error_check_item (object, &item_error);
      if (time != NULL)
        {
          g_autofree char *iso = hcc_time_format (time);
          g_autofree char *plain = hcc_time_format_plain (time);

          g_assert_nonnull (iso);
          g_assert_nonnull (plain);
        }
    }
}

static void
test_fuzz_replies (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  g_autoptr(HccClient) client = hcc_client_new ();
  g_autoptr(HccEventStream) stream = hcc_event_stream_new (client);
  g_autoptr(GPtrArray) trees = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  gint64 deadline = g_get_monotonic_time () + FUZZ_SECONDS * G_USEC_PER_SEC;
  guint64 iterations = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      JsonNode *tree = json_from_string (seeds[i], NULL);

      g_assert_nonnull (tree);
      g_ptr_array_add (trees, tree);
      /* The seeds themselves decode. */
      consume (stream, seeds[i], strlen (seeds[i]), 200);
    }

  while (g_get_monotonic_time () < deadline)
    {
      guint which = g_rand_int_range (rand, 0, trees->len);
      guint status = g_rand_int_range (rand, 0, 10) == 0 ? 503 : 200;

      if (g_rand_boolean (rand))
        {
          g_autoptr(JsonNode) mutated = mutate_tree (rand, trees->pdata[which], 0);
          g_autofree char *text = json_to_string (mutated, FALSE);

          consume (stream, text, strlen (text), status);
          /* The data member straight into the stream, as a poll would. */
          if (JSON_NODE_HOLDS_OBJECT (mutated))
            hcc_event_stream_process_batch (stream,
                                            hcc_json_lookup (json_node_get_object (mutated),
                                                             "data", NULL));
        }
      else
        {
          gsize len = 0;
          g_autofree char *bytes = mutate_bytes (rand, seeds[which], &len);

          consume (stream, bytes, len, status);
        }

      /* Random text through the time parser. */
      {
        gsize len = 0;
        g_autofree char *text = mutate_bytes (rand, "2004-05-03T17:30:08+08:00", &len);
        g_autoptr(GDateTime) time = hcc_time_parse (text);
      }

      iterations++;
    }

  g_test_message ("%" G_GUINT64_FORMAT " mutated replies decoded", iterations);
  g_assert_cmpuint (iterations, >, 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hcc/fuzz/replies", test_fuzz_replies);

  return g_test_run ();
}
