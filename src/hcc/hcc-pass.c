/* hcc-pass.c: a temporary pass (tempauth) for a visitor or a courier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-pass"

#include "config.h"

#include "hcc-pass.h"
#include "hcc-access-level.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_OPEN_COUNT,
  PROP_START_TIME,
  PROP_END_TIME,
  PROP_CREATOR_ID,
  PROP_CREATOR_NAME,
  PROP_CREATOR_EMAIL,
  PROP_EXPIRED,
  PROP_PASSWORD,
  PROP_CODE,
  PROP_CODE_IMAGE,
  PROP_CODE_TEXT,
  PROP_DYNAMIC,
  PROP_ACCESS_LEVELS,
  N_PROPS
};

struct _HccPass
{
  GObject parent_instance;

  char       *id; /* (owned) (nullable) */
  char       *name; /* (owned) (nullable) */
  int         open_count;
  GDateTime  *start_time; /* (owned) (nullable) */
  GDateTime  *end_time; /* (owned) (nullable) */
  char       *creator_id; /* (owned) (nullable) */
  char       *creator_name; /* (owned) (nullable) */
  char       *creator_email; /* (owned) (nullable) */
  gboolean    expired;
  char       *password; /* (owned) (nullable) */
  char       *code; /* (owned) (nullable) */
  GBytes     *code_image; /* (owned) (nullable) */
  char       *code_text; /* (owned) (nullable) */
  int         dynamic;
  GListModel *access_levels; /* (owned) */
};

G_DEFINE_FINAL_TYPE (HccPass, hcc_pass, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
hcc_pass_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HccPass *self = HCC_PASS (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_OPEN_COUNT:
      g_value_set_int (value, self->open_count);
      break;

    case PROP_START_TIME:
      g_value_set_boxed (value, self->start_time);
      break;

    case PROP_END_TIME:
      g_value_set_boxed (value, self->end_time);
      break;

    case PROP_CREATOR_ID:
      g_value_set_string (value, self->creator_id);
      break;

    case PROP_CREATOR_NAME:
      g_value_set_string (value, self->creator_name);
      break;

    case PROP_CREATOR_EMAIL:
      g_value_set_string (value, self->creator_email);
      break;

    case PROP_EXPIRED:
      g_value_set_boolean (value, self->expired);
      break;

    case PROP_PASSWORD:
      g_value_set_string (value, self->password);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_CODE_IMAGE:
      g_value_set_boxed (value, self->code_image);
      break;

    case PROP_CODE_TEXT:
      g_value_set_string (value, self->code_text);
      break;

    case PROP_DYNAMIC:
      g_value_set_int (value, self->dynamic);
      break;

    case PROP_ACCESS_LEVELS:
      g_value_set_object (value, self->access_levels);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_pass_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  HccPass *self = HCC_PASS (object);

  switch (prop_id)
    {
    case PROP_ID:
      hcc_pass_set_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      hcc_pass_set_name (self, g_value_get_string (value));
      break;

    case PROP_OPEN_COUNT:
      hcc_pass_set_open_count (self, g_value_get_int (value));
      break;

    case PROP_START_TIME:
      hcc_pass_set_start_time (self, g_value_get_boxed (value));
      break;

    case PROP_END_TIME:
      hcc_pass_set_end_time (self, g_value_get_boxed (value));
      break;

    case PROP_CREATOR_ID:
      hcc_pass_set_creator_id (self, g_value_get_string (value));
      break;

    case PROP_CREATOR_NAME:
      hcc_pass_set_creator_name (self, g_value_get_string (value));
      break;

    case PROP_CREATOR_EMAIL:
      hcc_pass_set_creator_email (self, g_value_get_string (value));
      break;

    case PROP_EXPIRED:
      hcc_pass_set_expired (self, g_value_get_boolean (value));
      break;

    case PROP_PASSWORD:
      hcc_pass_set_password (self, g_value_get_string (value));
      break;

    case PROP_CODE:
      hcc_pass_set_code (self, g_value_get_string (value));
      break;

    case PROP_CODE_IMAGE:
      hcc_pass_set_code_image (self, g_value_get_boxed (value));
      break;

    case PROP_CODE_TEXT:
      hcc_pass_set_code_text (self, g_value_get_string (value));
      break;

    case PROP_DYNAMIC:
      hcc_pass_set_dynamic (self, g_value_get_int (value));
      break;

    case PROP_ACCESS_LEVELS:
      hcc_pass_set_access_levels (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_pass_finalize (GObject *object)
{
  HccPass *self = HCC_PASS (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->start_time, g_date_time_unref);
  g_clear_pointer (&self->end_time, g_date_time_unref);
  g_clear_pointer (&self->creator_id, g_free);
  g_clear_pointer (&self->creator_name, g_free);
  g_clear_pointer (&self->creator_email, g_free);
  g_clear_pointer (&self->password, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->code_image, g_bytes_unref);
  g_clear_pointer (&self->code_text, g_free);
  g_clear_pointer (&self->access_levels, g_object_unref);

  G_OBJECT_CLASS (hcc_pass_parent_class)->finalize (object);
}

static void
hcc_pass_class_init (HccPassClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hcc_pass_get_property;
  object_class->set_property = hcc_pass_set_property;
  object_class->finalize = hcc_pass_finalize;

  /* The pass ID (also the temporary person's ID). */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The pass name (at most 32 characters). */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* Entries allowed per door, 1 to 200. [G_MININT, G_MAXINT, 1] */
  properties[PROP_OPEN_COUNT] =
    g_param_spec_int ("open-count", NULL, NULL,
                      G_MININT, G_MAXINT, 1,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /* Start of validity. */
  properties[PROP_START_TIME] =
    g_param_spec_boxed ("start-time", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* End of validity. */
  properties[PROP_END_TIME] =
    g_param_spec_boxed ("end-time", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* Who created the pass. */
  properties[PROP_CREATOR_ID] =
    g_param_spec_string ("creator-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The creator's name. */
  properties[PROP_CREATOR_NAME] =
    g_param_spec_string ("creator-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The creator's e-mail address. */
  properties[PROP_CREATOR_EMAIL] =
    g_param_spec_string ("creator-email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* Whether the pass has expired. */
  properties[PROP_EXPIRED] =
    g_param_spec_boolean ("expired", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* The door PIN. */
  properties[PROP_PASSWORD] =
    g_param_spec_string ("password", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The QR code as the platform sent it (Base64). */
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The decoded QR code when it is a PNG, JPEG or GIF image. */
  properties[PROP_CODE_IMAGE] =
    g_param_spec_boxed ("code-image", NULL, NULL,
                        G_TYPE_BYTES,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* The decoded QR payload when it is not an image, to encode locally. */
  properties[PROP_CODE_TEXT] =
    g_param_spec_string ("code-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* HccPassDynamic: -1 unknown, 1 seen to change between two gets. [-1, 1, -1] */
  properties[PROP_DYNAMIC] =
    g_param_spec_int ("dynamic", NULL, NULL,
                      -1, 1, -1,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /* The pass's access levels, {HCC_TYPE_ACCESS_LEVEL} items. */
  properties[PROP_ACCESS_LEVELS] =
    g_param_spec_object ("access-levels", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hcc_pass_init (HccPass *self)
{
  self->open_count = 1;
  self->dynamic = -1;
  self->access_levels = G_LIST_MODEL (g_list_store_new (HCC_TYPE_ACCESS_LEVEL));
}

HccPass *
hcc_pass_new (void)
{
  return g_object_new (HCC_TYPE_PASS, NULL);
}

const char *
hcc_pass_get_id (HccPass *self)
{
  g_return_val_if_fail (HCC_IS_PASS (self), NULL);

  return self->id;
}

const char *
hcc_pass_get_name (HccPass *self)
{
  g_return_val_if_fail (HCC_IS_PASS (self), NULL);

  return self->name;
}

int
hcc_pass_get_open_count (HccPass *self)
{
  g_return_val_if_fail (HCC_IS_PASS (self), 0);

  return self->open_count;
}

GDateTime *
hcc_pass_get_start_time (HccPass *self)
{
  g_return_val_if_fail (HCC_IS_PASS (self), NULL);

  return self->start_time;
}

GDateTime *
hcc_pass_get_end_time (HccPass *self)
{
  g_return_val_if_fail (HCC_IS_PASS (self), NULL);

  return self->end_time;
}

const char *
hcc_pass_get_creator_id (HccPass *self)
{
  g_return_val_if_fail (HCC_IS_PASS (self), NULL);

  return self->creator_id;
}

const char *
hcc_pass_get_creator_name (HccPass *self)
{
  g_return_val_if_fail (HCC_IS_PASS (self), NULL);

  return self->creator_name;
}

const char *
hcc_pass_get_creator_email (HccPass *self)
{
  g_return_val_if_fail (HCC_IS_PASS (self), NULL);

  return self->creator_email;
}

gboolean
hcc_pass_get_expired (HccPass *self)
{
  g_return_val_if_fail (HCC_IS_PASS (self), 0);

  return self->expired;
}

const char *
hcc_pass_get_password (HccPass *self)
{
  g_return_val_if_fail (HCC_IS_PASS (self), NULL);

  return self->password;
}

const char *
hcc_pass_get_code (HccPass *self)
{
  g_return_val_if_fail (HCC_IS_PASS (self), NULL);

  return self->code;
}

GBytes *
hcc_pass_get_code_image (HccPass *self)
{
  g_return_val_if_fail (HCC_IS_PASS (self), NULL);

  return self->code_image;
}

const char *
hcc_pass_get_code_text (HccPass *self)
{
  g_return_val_if_fail (HCC_IS_PASS (self), NULL);

  return self->code_text;
}

int
hcc_pass_get_dynamic (HccPass *self)
{
  g_return_val_if_fail (HCC_IS_PASS (self), 0);

  return self->dynamic;
}

GListModel *
hcc_pass_get_access_levels (HccPass *self)
{
  g_return_val_if_fail (HCC_IS_PASS (self), NULL);

  return self->access_levels;
}

void
hcc_pass_set_id (HccPass    *self,
                 const char *id)
{
  g_return_if_fail (HCC_IS_PASS (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
hcc_pass_set_name (HccPass    *self,
                   const char *name)
{
  g_return_if_fail (HCC_IS_PASS (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
hcc_pass_set_open_count (HccPass *self,
                         int      open_count)
{
  g_return_if_fail (HCC_IS_PASS (self));

  if (self->open_count == open_count)
    return;

  self->open_count = open_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_COUNT]);
}

void
hcc_pass_set_start_time (HccPass   *self,
                         GDateTime *start_time)
{
  g_return_if_fail (HCC_IS_PASS (self));

  if (self->start_time == start_time ||
      (self->start_time != NULL && start_time != NULL && g_date_time_equal (self->start_time, start_time)))
    return;

  g_clear_pointer (&self->start_time, g_date_time_unref);
  if (start_time != NULL)
    self->start_time = g_date_time_ref (start_time);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_TIME]);
}

void
hcc_pass_set_end_time (HccPass   *self,
                       GDateTime *end_time)
{
  g_return_if_fail (HCC_IS_PASS (self));

  if (self->end_time == end_time ||
      (self->end_time != NULL && end_time != NULL && g_date_time_equal (self->end_time, end_time)))
    return;

  g_clear_pointer (&self->end_time, g_date_time_unref);
  if (end_time != NULL)
    self->end_time = g_date_time_ref (end_time);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_TIME]);
}

void
hcc_pass_set_creator_id (HccPass    *self,
                         const char *creator_id)
{
  g_return_if_fail (HCC_IS_PASS (self));

  if (g_strcmp0 (self->creator_id, creator_id) == 0)
    return;

  g_free (self->creator_id);
  self->creator_id = g_strdup (creator_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATOR_ID]);
}

void
hcc_pass_set_creator_name (HccPass    *self,
                           const char *creator_name)
{
  g_return_if_fail (HCC_IS_PASS (self));

  if (g_strcmp0 (self->creator_name, creator_name) == 0)
    return;

  g_free (self->creator_name);
  self->creator_name = g_strdup (creator_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATOR_NAME]);
}

void
hcc_pass_set_creator_email (HccPass    *self,
                            const char *creator_email)
{
  g_return_if_fail (HCC_IS_PASS (self));

  if (g_strcmp0 (self->creator_email, creator_email) == 0)
    return;

  g_free (self->creator_email);
  self->creator_email = g_strdup (creator_email);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATOR_EMAIL]);
}

void
hcc_pass_set_expired (HccPass  *self,
                      gboolean  expired)
{
  g_return_if_fail (HCC_IS_PASS (self));

  expired = !!expired;
  if (self->expired == expired)
    return;

  self->expired = expired;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPIRED]);
}

void
hcc_pass_set_password (HccPass    *self,
                       const char *password)
{
  g_return_if_fail (HCC_IS_PASS (self));

  if (g_strcmp0 (self->password, password) == 0)
    return;

  g_free (self->password);
  self->password = g_strdup (password);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PASSWORD]);
}

void
hcc_pass_set_code (HccPass    *self,
                   const char *code)
{
  g_return_if_fail (HCC_IS_PASS (self));

  if (g_strcmp0 (self->code, code) == 0)
    return;

  g_free (self->code);
  self->code = g_strdup (code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

void
hcc_pass_set_code_image (HccPass *self,
                         GBytes  *code_image)
{
  g_return_if_fail (HCC_IS_PASS (self));

  if (self->code_image == code_image ||
      (self->code_image != NULL && code_image != NULL && g_bytes_equal (self->code_image, code_image)))
    return;

  g_clear_pointer (&self->code_image, g_bytes_unref);
  if (code_image != NULL)
    self->code_image = g_bytes_ref (code_image);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE_IMAGE]);
}

void
hcc_pass_set_code_text (HccPass    *self,
                        const char *code_text)
{
  g_return_if_fail (HCC_IS_PASS (self));

  if (g_strcmp0 (self->code_text, code_text) == 0)
    return;

  g_free (self->code_text);
  self->code_text = g_strdup (code_text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE_TEXT]);
}

void
hcc_pass_set_dynamic (HccPass *self,
                      int      dynamic)
{
  g_return_if_fail (HCC_IS_PASS (self));

  if (self->dynamic == dynamic)
    return;

  self->dynamic = dynamic;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DYNAMIC]);
}

void
hcc_pass_set_access_levels (HccPass    *self,
                            GListModel *access_levels)
{
  g_return_if_fail (HCC_IS_PASS (self));

  g_return_if_fail (G_IS_LIST_MODEL (access_levels));

  if (self->access_levels == access_levels)
    return;

  g_set_object (&self->access_levels, access_levels);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCESS_LEVELS]);
}
