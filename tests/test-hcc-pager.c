/* test-hcc-pager.c: every paging variant against a scripted server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hcc-sim answers each endpoint in one shape; the guide allows several
 * (catalogue §13.12, T19-T21). A tiny SoupServer on this test's main
 * context plays a platform that answers in the other shapes.
 */

#include <libsoup/soup.h>

#include "test-hcc-services.h"

typedef enum {
  SHAPE_TOTAL,          /* { totalNum, list } */
  SHAPE_TOTAL_STRING,   /* { totalCount: "25", list } */
  SHAPE_NESTED,         /* { accessLevelResponse: { totalNum, accessLevelList } } (T21) */
  SHAPE_FLAT_NESTED,    /* { totalNum, accessLevelResponse: { accessLevelList } } (T21 table) */
  SHAPE_MORE_FLAG,      /* { moreData: 0/1, list } */
  SHAPE_HAS_NEXT,       /* { hasNext: true/false, list } */
  SHAPE_NO_TOTAL,       /* { list } until a short page */
  SHAPE_CAPPED,         /* { totalNum, list } with at most 7 a page whatever was asked */
  SHAPE_SINGLE_OBJECT,  /* { totalNum: 1, list: {…} } (T7) */
  SHAPE_ZERO_BASED,     /* { totalNum, list } with pages numbered from 0 (T19) */
} Shape;

typedef struct {
  SoupServer *server;
  char       *base_url;
  Shape       shape;
  guint       n_items;
  GPtrArray  *bodies;  /* the list requests, parsed */
} Fake;

static void
reply_json (SoupServerMessage *msg,
            JsonNode          *data)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *envelope = json_object_new ();
  g_autofree char *text = NULL;

  json_object_set_string_member (envelope, "errorCode", "0");
  json_object_set_member (envelope, "data", data);
  json_node_take_object (root, envelope);
  text = json_to_string (root, FALSE);

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, text, strlen (text));
}

static JsonObject *
item (guint index)
{
  JsonObject *object = json_object_new ();
  g_autofree char *id = g_strdup_printf ("28832902451266%04u", index);

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "name", "Level");
  return object;
}

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  Fake *fake = user_data;
  SoupMessageBody *request = soup_server_message_get_request_body (msg);
  g_autoptr(JsonNode) body = json_from_string (request->data != NULL ? request->data : "{}", NULL);
  JsonObject *paging;
  JsonObject *data;
  JsonArray *list;
  JsonNode *node;
  gint64 page;
  gint64 size;
  guint first;
  guint count;
  const char *list_key = "accessLevelList";

  if (g_str_has_suffix (path, "/token/get"))
    {
      data = json_object_new ();
      json_object_set_string_member (data, "accessToken", "fake-token");
      json_object_set_int_member (data, "expireTime", g_get_real_time () / G_USEC_PER_SEC + 7 * 86400);
      json_object_set_string_member (data, "userId", "fake-user");
      json_object_set_string_member (data, "areaDomain", fake->base_url);
      reply_json (msg, json_node_init_object (json_node_alloc (), data));
      json_object_unref (data);
      return;
    }

  g_ptr_array_add (fake->bodies, json_node_copy (body));
  paging = json_node_get_object (body);
  if (json_object_has_member (paging, "accessLevelSearchRequest"))
    paging = json_object_get_object_member (paging, "accessLevelSearchRequest");
  page = json_object_get_int_member_with_default (paging, "pageIndex", 1);
  size = json_object_get_int_member_with_default (paging, "pageSize", 10);
  if (fake->shape == SHAPE_CAPPED)
    size = MIN (size, 7);

  if (fake->shape == SHAPE_ZERO_BASED)
    page++;
  first = (guint) MIN ((gint64) fake->n_items, MAX (page - 1, 0) * size);
  count = (guint) MIN ((gint64) fake->n_items - first, size);
  list = json_array_new ();
  for (guint i = 0; i < count; i++)
    json_array_add_object_element (list, item (first + i));

  data = json_object_new ();
  switch (fake->shape)
    {
    case SHAPE_TOTAL:
    case SHAPE_CAPPED:
    case SHAPE_ZERO_BASED:
      json_object_set_int_member (data, "totalNum", fake->n_items);
      json_object_set_array_member (data, list_key, list);
      break;

    case SHAPE_TOTAL_STRING:
      {
        g_autofree char *total = g_strdup_printf ("%u", fake->n_items);

        json_object_set_string_member (data, "totalCount", total);
        json_object_set_array_member (data, list_key, list);
      }
      break;

    case SHAPE_NESTED:
      {
        JsonObject *inner = json_object_new ();

        json_object_set_int_member (inner, "pageIndex", page);
        json_object_set_int_member (inner, "totalNum", fake->n_items);
        json_object_set_array_member (inner, list_key, list);
        json_object_set_object_member (data, "accessLevelResponse", inner);
      }
      break;

    case SHAPE_FLAT_NESTED:
      {
        JsonObject *inner = json_object_new ();

        json_object_set_array_member (inner, list_key, list);
        json_object_set_object_member (data, "accessLevelResponse", inner);
        json_object_set_int_member (data, "totalNum", fake->n_items);
      }
      break;

    case SHAPE_MORE_FLAG:
      json_object_set_int_member (data, "moreData", first + count < fake->n_items ? 1 : 0);
      json_object_set_array_member (data, list_key, list);
      break;

    case SHAPE_HAS_NEXT:
      json_object_set_boolean_member (data, "hasNext", first + count < fake->n_items);
      json_object_set_array_member (data, list_key, list);
      break;

    case SHAPE_NO_TOTAL:
      json_object_set_array_member (data, list_key, list);
      break;

    case SHAPE_SINGLE_OBJECT:
      json_object_set_int_member (data, "totalNum", 1);
      json_object_set_object_member (data, list_key, item (0));
      json_array_unref (list);
      break;

    default:
      g_assert_not_reached ();
    }

  node = json_node_init_object (json_node_alloc (), data);
  json_object_unref (data);
  reply_json (msg, node);
}

static Fake *
fake_new (Shape shape,
          guint n_items)
{
  Fake *fake = g_new0 (Fake, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *uri = NULL;

  fake->shape = shape;
  fake->n_items = n_items;
  fake->bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  fake->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake->server, NULL, handler_cb, fake, NULL);
  soup_server_listen_local (fake->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (fake->server);
  uri = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  /* Drop the trailing slash. */
  if (g_str_has_suffix (uri, "/"))
    uri[strlen (uri) - 1] = '\0';
  fake->base_url = g_steal_pointer (&uri);

  return fake;
}

static void
fake_free (Fake *fake)
{
  soup_server_disconnect (fake->server);
  g_object_unref (fake->server);
  g_ptr_array_unref (fake->bodies);
  g_free (fake->base_url);
  g_free (fake);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fake, fake_free)

static JsonArray *
fetch (Fake                 *fake,
       const HccPagerConfig *config,
       GError              **error)
{
  g_autoptr(HccClient) client = hcc_client_new ();
  g_autoptr(JsonObject) body = json_object_new ();
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_true (hcc_client_set_server_url (client, fake->base_url, NULL));
  hcc_client_set_credentials (client, "ak", "sk");

  json_object_set_string_member (body, "keep", "me");
  hcc_pager_fetch_async (client, "/acspm/v1/accesslevel/list", config, body, NULL,
                         test_store_result_cb, &slot);
  result = test_wait_result (&slot);

  /* The caller's body is never changed. */
  g_assert_false (json_object_has_member (body, "pageIndex"));
  return hcc_pager_fetch_finish (result, error);
}

static void
check_all (JsonArray *items,
           guint      n_items)
{
  g_assert_nonnull (items);
  g_assert_cmpuint (json_array_get_length (items), ==, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *id = g_strdup_printf ("28832902451266%04u", i);

      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, i), "id"),
                       ==, id);
    }
}

static void
test_variants (void)
{
  struct {
    Shape shape;
    guint n_items;
    guint expected_requests;
    const char *wrapper;
  } cases[] = {
    { SHAPE_TOTAL, 25, 3, NULL },
    { SHAPE_TOTAL, 30, 3, NULL },          /* exact multiple: no extra empty page */
    { SHAPE_TOTAL, 0, 1, NULL },
    { SHAPE_TOTAL_STRING, 25, 3, NULL },
    { SHAPE_NESTED, 25, 3, "accessLevelSearchRequest" },
    { SHAPE_FLAT_NESTED, 25, 3, "accessLevelSearchRequest" },
    { SHAPE_MORE_FLAG, 30, 3, NULL },
    { SHAPE_HAS_NEXT, 30, 3, NULL },
    { SHAPE_NO_TOTAL, 25, 3, NULL },
    { SHAPE_NO_TOTAL, 30, 4, NULL },       /* no total: the empty fourth page ends it */
    { SHAPE_CAPPED, 25, 4, NULL },         /* 7 a page although 10 were asked */
    { SHAPE_SINGLE_OBJECT, 1, 1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Fake) fake = fake_new (cases[i].shape, cases[i].n_items);
      g_autoptr(JsonArray) items = NULL;
      g_autoptr(GError) error = NULL;
      HccPagerConfig config = {
        .page_key = "pageIndex",
        .base = 1,
        .page_size = 10,
        .request_wrapper = cases[i].wrapper,
        .response_wrapper = "accessLevelResponse",
        .list_keys = "accessLevelList",
        .total_keys = "totalNum|totalCount",
        .more_keys = "moreData",
        .has_next_keys = "hasNext",
      };

      g_test_message ("case %u", i);
      items = fetch (fake, &config, &error);
      g_assert_no_error (error);
      check_all (items, cases[i].n_items);
      g_assert_cmpuint (fake->bodies->len, ==, cases[i].expected_requests);

      /* Pages one after another, numbered from the base, in place. */
      for (guint j = 0; j < fake->bodies->len; j++)
        {
          JsonNode *body = g_ptr_array_index (fake->bodies, j);
          g_autofree char *page_path = g_strdup_printf ("%s%spageIndex",
                                                        cases[i].wrapper ? cases[i].wrapper : "",
                                                        cases[i].wrapper ? "." : "");

          g_assert_cmpint (hcc_test_json_get_int (body, page_path), ==, j + 1);
          g_assert_cmpstr (hcc_test_json_get_string (body, "keep"), ==, "me");
        }
    }
}

static void
test_zero_based (void)
{
  HccPagerConfig config = {
    .page_key = "pageIndex",
    .base = 1,
    .page_size = 10,
    .list_keys = "accessLevelList",
    .total_keys = "totalNum",
    .probe_base_zero = TRUE,
  };

  /* A 1-based server: page 0 repeats page 1, so the probe adds nothing. */
  {
    g_autoptr(Fake) fake = fake_new (SHAPE_TOTAL, 25);
    g_autoptr(JsonArray) items = NULL;
    g_autoptr(GError) error = NULL;

    items = fetch (fake, &config, &error);
    g_assert_no_error (error);
    check_all (items, 25);
    g_assert_cmpuint (fake->bodies->len, ==, 3);
  }

  /* A 0-based server: pages 1 and 2 fall short of the total, the probe of
   * page 0 finds the first ten, and the next sync starts at 0. */
  {
    g_autoptr(Fake) fake = fake_new (SHAPE_ZERO_BASED, 25);
    g_autoptr(JsonArray) items = NULL;
    g_autoptr(GError) error = NULL;

    items = fetch (fake, &config, &error);
    g_assert_no_error (error);
    check_all (items, 25);
    g_assert_cmpint (hcc_test_json_get_int (g_ptr_array_index (fake->bodies, fake->bodies->len - 1),
                                            "pageIndex"), ==, 0);

    g_ptr_array_set_size (fake->bodies, 0);
    g_clear_pointer (&items, json_array_unref);
    items = fetch (fake, &config, &error);
    g_assert_no_error (error);
    check_all (items, 25);
    g_assert_cmpuint (fake->bodies->len, ==, 3);
    g_assert_cmpint (hcc_test_json_get_int (g_ptr_array_index (fake->bodies, 0), "pageIndex"), ==, 0);
  }
}

static void
test_page_limit (void)
{
  g_autoptr(Fake) fake = fake_new (SHAPE_NO_TOTAL, 100);
  g_autoptr(JsonArray) items = NULL;
  g_autoptr(GError) error = NULL;
  HccPagerConfig config = {
    .page_key = "pageIndex",
    .base = 1,
    .page_size = 10,
    .list_keys = "accessLevelList",
    .max_pages = 3,
  };

  items = fetch (fake, &config, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (items), ==, 30);
  g_assert_cmpuint (fake->bodies->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hcc/pager/variants", test_variants);
  g_test_add_func ("/hcc/pager/zero-based", test_zero_based);
  g_test_add_func ("/hcc/pager/page-limit", test_page_limit);

  return g_test_run ();
}
