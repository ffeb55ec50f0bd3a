/* hcc-error.c: the errors of the platform client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-error"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hcc-error.h"
#include "hcc-json.h"

/* What travels with the GError (GLib's extended error domain), so it
 * survives g_error_copy(), g_propagate_error() and g_prefix_error(): the
 * platform code, so the UI can branch on "VMS038027" while showing a human
 * sentence, and the request field a refusal is about, so a form can put the
 * sentence next to the entry. Neither is ever read back from the message,
 * which is translated. */
typedef struct {
  char *platform_code;
  char *field;
} HccErrorPrivate;

static void
hcc_error_private_init (HccErrorPrivate *priv)
{
  priv->platform_code = NULL;
  priv->field = NULL;
}

static void
hcc_error_private_copy (const HccErrorPrivate *src,
                        HccErrorPrivate       *dest)
{
  dest->platform_code = g_strdup (src->platform_code);
  dest->field = g_strdup (src->field);
}

static void
hcc_error_private_clear (HccErrorPrivate *priv)
{
  g_clear_pointer (&priv->platform_code, g_free);
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (HccError, hcc_error)

typedef struct {
  const char *code;
  HccError    kind;
  /* N_()-marked; NULL keeps the platform's text. */
  const char *message;
} CodeInfo;

/* Every code of catalogue §12.1, and the ones a front desk meets (OPEN, the
 * CCF person codes, the VMS call/room/device/access-level codes, EVZ). */
static const CodeInfo codes[] = {
  /* Keys and account: fatal, no retry. */
  { "OPEN000001", HCC_ERROR_AUTH, N_("The app key is not known to the platform. Check the key in the settings.") },
  { "OPEN000002", HCC_ERROR_AUTH, N_("The secret key is wrong. Check the key in the settings.") },
  { "OPEN000003", HCC_ERROR_AUTH, N_("The account of these keys no longer exists. Ask your installer for new keys.") },
  { "OPEN000004", HCC_ERROR_AUTH, N_("The platform system of these keys does not exist. Ask your installer for new keys.") },
  { "OPEN000005", HCC_ERROR_AUTH, N_("The keys are not linked to a Hik-Connect for Teams account. Ask your installer.") },
  { "OPEN300002", HCC_ERROR_AUTH, N_("The secret key is wrong. Check the key in the settings.") },
  /* Token: the client logs in again by itself. */
  { "OPEN000006", HCC_ERROR_AUTH, N_("The session expired. Signing in again…") },
  { "OPEN000007", HCC_ERROR_AUTH, N_("The session is no longer valid. Signing in again…") },
  /* Rate, load, concurrency: transient. */
  { "OPEN000000", HCC_ERROR_SERVER, N_("The platform had an internal error. Try again in a moment.") },
  { "OPEN000009", HCC_ERROR_RATE_LIMITED, N_("The platform had a network problem. Try again in a moment.") },
  { "OPEN000029", HCC_ERROR_RATE_LIMITED, N_("Too many requests at once. Try again in a moment.") },
  { "VMS000009", HCC_ERROR_RATE_LIMITED, N_("Someone else is changing the same thing. Try again in a moment.") },
  { "VMS001000", HCC_ERROR_RATE_LIMITED, N_("The platform's gateway had an error. Try again in a moment.") },
  { "VMS001001", HCC_ERROR_RATE_LIMITED, N_("The platform is busy. Try again in a moment.") },
  { "LAP000004", HCC_ERROR_RATE_LIMITED, N_("The platform did not answer in time. Try again in a moment.") },
  { "OPEN000024", HCC_ERROR_VALIDATION, N_("Too many items in one request.") },
  { "OPEN000025", HCC_ERROR_VALIDATION, N_("Too many items asked for in one page.") },
  /* Validation. */
  { "OPEN000008", HCC_ERROR_VALIDATION, N_("The platform could not read the request.") },
  { "OPEN000010", HCC_ERROR_VALIDATION, N_("The platform refused a value of the request.") },
  { "OPEN000026", HCC_ERROR_VALIDATION, N_("A date or time was in a wrong format.") },
  { "OPEN000027", HCC_ERROR_VALIDATION, N_("The search covers too long a time. Search one day at a time.") },
  { "OPEN000028", HCC_ERROR_VALIDATION, N_("No area was given.") },
  { "OPEN000030", HCC_ERROR_VALIDATION, N_("The start time is after the end time.") },
  { "CCF000001", HCC_ERROR_VALIDATION, NULL },
  { "VMS000001", HCC_ERROR_VALIDATION, NULL },
  { "LAP000001", HCC_ERROR_VALIDATION, NULL },
  /* Permission. */
  { "CCF000005", HCC_ERROR_PERMISSION, N_("These keys may not use this resource. Ask your installer for the permission.") },
  { "VMS000005", HCC_ERROR_PERMISSION, N_("These keys may not use this resource. Ask your installer for the permission.") },
  { "VMS004005", HCC_ERROR_PERMISSION, N_("These keys may not do this. Ask your installer for the permission.") },
  { "OPEN000021", HCC_ERROR_PERMISSION, N_("These keys may not view this resource. Ask your installer for the permission.") },
  { "OPEN000022", HCC_ERROR_PERMISSION, N_("These keys may not change this resource. Ask your installer for the permission.") },
  { "VMS038012", HCC_ERROR_PERMISSION, N_("Only the householder may add persons to this room.") },
  { "CCF038007", HCC_ERROR_PERMISSION, N_("The person has no access level. Give them one first.") },
  /* Not found. */
  { "VMS000003", HCC_ERROR_NOT_FOUND, N_("The item no longer exists. The list will be refreshed.") },
  { "OPEN000011", HCC_ERROR_NOT_FOUND, N_("The item is not available yet. Try again later.") },
  { "OPEN000012", HCC_ERROR_NOT_FOUND, N_("The batch of events no longer exists.") },
  { "OPEN000016", HCC_ERROR_NOT_FOUND, N_("The event subscription lapsed. Subscribing again…") },
  { "OPEN000031", HCC_ERROR_NOT_FOUND, N_("The area no longer exists.") },
  { "OPEN000501", HCC_ERROR_NOT_FOUND, N_("The device no longer exists.") },
  { "OPEN000502", HCC_ERROR_NOT_FOUND, N_("No cloud recording is set up for this camera.") },
  { "OPEN000503", HCC_ERROR_NOT_FOUND, N_("The camera no longer exists.") },
  { "CCF038023", HCC_ERROR_NOT_FOUND, N_("The person no longer exists.") },
  { "CCF038025", HCC_ERROR_NOT_FOUND, N_("No person has this person ID.") },
  { "VMS038028", HCC_ERROR_NOT_FOUND, N_("The resident no longer exists.") },
  { "CCF038009", HCC_ERROR_NOT_FOUND, N_("The person group no longer exists.") },
  { "CCF038035", HCC_ERROR_NOT_FOUND, N_("The card does not exist.") },
  { "CCF038042", HCC_ERROR_NOT_FOUND, N_("The fingerprint does not exist.") },
  { "CCF038026", HCC_ERROR_NOT_FOUND, N_("The person has no picture.") },
  { "CCF038065", HCC_ERROR_NOT_FOUND, N_("The device no longer exists.") },
  { "CCF021307", HCC_ERROR_NOT_FOUND, N_("The device no longer exists.") },
  { "VMS021307", HCC_ERROR_NOT_FOUND, N_("The device no longer exists.") },
  { "EVZ20002", HCC_ERROR_NOT_FOUND, N_("The device does not exist or belongs to another region. Check its serial number.") },
  { "VMS021110", HCC_ERROR_NOT_FOUND, N_("The vehicle no longer exists.") },
  { "VMS003002", HCC_ERROR_NOT_FOUND, N_("The user no longer exists.") },
  { "VMS040016", HCC_ERROR_NOT_FOUND, N_("The access level no longer exists.") },
  { "VMS040120", HCC_ERROR_NOT_FOUND, N_("The visit schedule no longer exists.") },
  { "VMS021101", HCC_ERROR_NOT_FOUND, N_("The area no longer exists.") },
  /* Intercom calls. */
  { "VMS038019", HCC_ERROR_NOT_FOUND, N_("The call is over.") },
  { "VMS038027", HCC_ERROR_CONFLICT, N_("Someone else already answered the call.") },
  { "VMS038029", HCC_ERROR_CONFLICT, N_("The door station ended the call.") },
  /* Device state. */
  { "EVZ20007", HCC_ERROR_DEVICE, N_("The door station is offline.") },
  { "VMS021314", HCC_ERROR_DEVICE, N_("The device is offline.") },
  { "VMS022543", HCC_ERROR_DEVICE, N_("The device is offline.") },
  { "OPEN000554", HCC_ERROR_DEVICE, N_("The device is offline.") },
  { "VMS020007", HCC_ERROR_DEVICE, N_("The device could not be reached. It may be offline.") },
  { "EVZ20008", HCC_ERROR_TIMEOUT, N_("The device did not answer in time. Try again.") },
  { "OPEN000555", HCC_ERROR_TIMEOUT, N_("The device did not answer in time. Try again.") },
  { "OPEN000550", HCC_ERROR_DEVICE, N_("The device did not respond. It may not support this.") },
  { "OPEN000552", HCC_ERROR_DEVICE, N_("The device returned an error.") },
  { "OPEN000556", HCC_ERROR_DEVICE, N_("The device could not take a picture.") },
  { "VMS022533", HCC_ERROR_DEVICE, N_("The device returned an error.") },
  { "VMS022535", HCC_ERROR_DEVICE, N_("The device does not support this.") },
  { "CCF021008", HCC_ERROR_DEVICE, N_("The device's firmware does not support this.") },
  { "VMS021008", HCC_ERROR_DEVICE, N_("The device's firmware does not support this.") },
  { "VMS040020", HCC_ERROR_DEVICE, N_("The device is busy applying settings. Try again in a moment.") },
  { "VMS021301", HCC_ERROR_DEVICE, N_("The device is being added. Try again in a moment.") },
  { "VMS021308", HCC_ERROR_DEVICE, N_("The device is being refreshed. Try again in a moment.") },
  { "EVZ20010", HCC_ERROR_VALIDATION, N_("The device verification code is wrong.") },
  { "EVZ20013", HCC_ERROR_CONFLICT, N_("The device belongs to another account.") },
  { "EVZ20014", HCC_ERROR_VALIDATION, N_("The device serial number is wrong.") },
  { "EVZ20017", HCC_ERROR_CONFLICT, N_("The device was already added.") },
  /* Persons (CCF). */
  { "CCF038002", HCC_ERROR_VALIDATION, N_("The name is too long.") },
  { "CCF038005", HCC_ERROR_VALIDATION, N_("The name contains characters that are not allowed.") },
  { "CCF038014", HCC_ERROR_VALIDATION, N_("The first name is not valid.") },
  { "CCF038015", HCC_ERROR_VALIDATION, N_("The last name is not valid.") },
  { "CCF038016", HCC_ERROR_VALIDATION, N_("The person ID is not valid.") },
  { "CCF038017", HCC_ERROR_VALIDATION, N_("The full name is not valid.") },
  { "CCF038019", HCC_ERROR_VALIDATION, N_("The e-mail address is not valid.") },
  { "CCF038020", HCC_ERROR_VALIDATION, N_("The phone number is not valid.") },
  { "CCF038021", HCC_ERROR_VALIDATION, N_("The description is not valid.") },
  { "CCF038022", HCC_ERROR_VALIDATION, N_("The validity period is not valid.") },
  { "CCF038024", HCC_ERROR_CONFLICT, N_("Another person already has this person ID.") },
  { "CCF038029", HCC_ERROR_VALIDATION, N_("The site has reached its number of persons.") },
  { "CCF038031", HCC_ERROR_SERVER, N_("The person could not be added. Try again.") },
  { "CCF038032", HCC_ERROR_VALIDATION, N_("A person can have at most two cards.") },
  { "CCF038034", HCC_ERROR_CONFLICT, N_("This card number is already in use.") },
  { "CCF038036", HCC_ERROR_VALIDATION, N_("The card number is too long.") },
  { "CCF038037", HCC_ERROR_VALIDATION, N_("The card number is empty.") },
  { "CCF038038", HCC_ERROR_VALIDATION, N_("The card number is not valid.") },
  { "CCF038039", HCC_ERROR_VALIDATION, N_("A person can have at most two fingerprints.") },
  { "CCF038052", HCC_ERROR_CONFLICT, N_("This e-mail address is already in use.") },
  { "CCF038055", HCC_ERROR_CONFLICT, N_("This PIN code is already in use.") },
  { "CCF038067", HCC_ERROR_CONFLICT, N_("This fingerprint is already registered.") },
  { "CCF038068", HCC_ERROR_CONFLICT, N_("This picture is already used by another person.") },
  { "CCF038084", HCC_ERROR_DEVICE, N_("The reader could not read the card. Try again.") },
  { "CCF038085", HCC_ERROR_DEVICE, N_("The reader could not capture the fingerprint. Try again.") },
  { "CCF038089", HCC_ERROR_CONFLICT, N_("This phone number is already in use.") },
  /* Rooms and residents (VMS). */
  { "VMS038005", HCC_ERROR_VALIDATION, N_("The room is full: no more persons can be added.") },
  { "VMS038011", HCC_ERROR_VALIDATION, N_("The room already has a householder, or needs one first.") },
  { "VMS038014", HCC_ERROR_CONFLICT, N_("The resident is already in this room.") },
  { "VMS038026", HCC_ERROR_CONFLICT, N_("This e-mail address is already in use.") },
  { "VMS003001", HCC_ERROR_CONFLICT, N_("This e-mail address is already registered.") },
  /* Access levels. */
  { "VMS040013", HCC_ERROR_VALIDATION, N_("The site has reached its number of access levels.") },
  { "VMS040015", HCC_ERROR_VALIDATION, N_("Choose at least one door.") },
  { "VMS040017", HCC_ERROR_VALIDATION, N_("A person can have at most four schedules per door.") },
  { "VMS040018", HCC_ERROR_VALIDATION, N_("The person has no valid card, PIN, face or fingerprint.") },
  { "VMS040105", HCC_ERROR_DEVICE, N_("The access settings have not reached the device yet.") },
  { "VMS040121", HCC_ERROR_VALIDATION, N_("The PIN code has the wrong length.") },
  { "VMS040122", HCC_ERROR_VALIDATION, N_("The device only accepts 6-digit PIN codes.") },
  { "VMS051027", HCC_ERROR_VALIDATION, N_("A date or time was in a wrong format.") },
  { "VMS051028", HCC_ERROR_VALIDATION, N_("The start time must be before the end time.") },
};

static const CodeInfo *
find_code (const char *platform_code)
{
  if (platform_code == NULL)
    return NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      if (hcc_error_code_equal (codes[i].code, platform_code))
        return &codes[i];
    }
  return NULL;
}

gboolean
hcc_error_code_equal (const char *a,
                      const char *b)
{
  gsize len_a, len_b;

  if (a == NULL || b == NULL)
    return a == b;

  /* Trimmed, and case-insensitive for THD_ISAPI_0x6000601a vs ...601A. */
  while (g_ascii_isspace (*a))
    a++;
  while (g_ascii_isspace (*b))
    b++;
  len_a = strlen (a);
  len_b = strlen (b);
  while (len_a > 0 && g_ascii_isspace (a[len_a - 1]))
    len_a--;
  while (len_b > 0 && g_ascii_isspace (b[len_b - 1]))
    len_b--;

  return len_a == len_b && g_ascii_strncasecmp (a, b, len_a) == 0;
}

HccError
hcc_error_code_from_platform (const char *platform_code)
{
  const CodeInfo *info = find_code (platform_code);
  g_autofree char *upper = NULL;

  if (info != NULL)
    return info->kind;
  if (platform_code == NULL)
    return HCC_ERROR_SERVER;

  upper = g_ascii_strup (platform_code, -1);
  g_strstrip (upper);

  /* Device ISAPI errors are the device refusing the content of a request. */
  if (g_str_has_prefix (upper, "THD_ISAPI_"))
    {
      if (g_str_equal (upper, "THD_ISAPI_0X20000004") ||
          g_str_equal (upper, "THD_ISAPI_0X6000006A") ||
          g_str_equal (upper, "THD_ISAPI_0X6000003A"))
        return HCC_ERROR_DEVICE;
      return HCC_ERROR_VALIDATION;
    }

  return HCC_ERROR_SERVER;
}

GError *
hcc_error_new_platform (const char *platform_code,
                        const char *platform_message)
{
  const CodeInfo *info = find_code (platform_code);
  HccErrorPrivate *priv;
  GError *error;
  const char *text;

  if (info != NULL && info->message != NULL)
    text = _(info->message);
  else if (platform_message != NULL && *platform_message != '\0')
    text = platform_message;
  else
    text = NULL;

  if (text != NULL)
    error = g_error_new_literal (HCC_ERROR,
                                 hcc_error_code_from_platform (platform_code),
                                 text);
  else
    error = g_error_new (HCC_ERROR,
                         hcc_error_code_from_platform (platform_code),
                         _("The platform refused the request (%s)."),
                         platform_code != NULL ? platform_code : "?");

  priv = hcc_error_get_private (error);
  if (priv != NULL && platform_code != NULL)
    priv->platform_code = g_strstrip (g_strdup (platform_code));

  return error;
}

const char *
hcc_error_get_platform_code (const GError *error)
{
  HccErrorPrivate *priv;

  if (error == NULL || error->domain != HCC_ERROR)
    return NULL;

  priv = hcc_error_get_private (error);
  return priv != NULL ? priv->platform_code : NULL;
}

gboolean
hcc_error_is_unreachable (const GError *error)
{
  if (error == NULL)
    return FALSE;

  return g_error_matches (error, HCC_ERROR, HCC_ERROR_TRANSPORT) ||
         g_error_matches (error, HCC_ERROR, HCC_ERROR_TIMEOUT) ||
         error->domain == G_IO_ERROR ||
         error->domain == G_RESOLVER_ERROR;
}

gboolean
hcc_error_is_tls (const GError *error)
{
  if (error == NULL)
    return FALSE;

  return g_error_matches (error, HCC_ERROR, HCC_ERROR_TLS) || error->domain == G_TLS_ERROR;
}

gboolean
hcc_error_is_keys_refused (const GError *error)
{
  return g_error_matches (error, HCC_ERROR, HCC_ERROR_AUTH) ||
         g_error_matches (error, HCC_ERROR, HCC_ERROR_PERMISSION);
}

gboolean
hcc_error_is_transient (const GError *error)
{
  if (error == NULL || error->domain != HCC_ERROR)
    return FALSE;

  switch ((HccError) error->code)
    {
    case HCC_ERROR_TRANSPORT:
    case HCC_ERROR_TIMEOUT:
    case HCC_ERROR_RATE_LIMITED:
      return TRUE;

    case HCC_ERROR_SERVER:
      /* Unknown platform codes and 5xx may pass (§12.1); known permanent
       * server-side failures have their own kind anyway. */
      return TRUE;

    case HCC_ERROR_TLS:
    case HCC_ERROR_AUTH:
    case HCC_ERROR_PERMISSION:
    case HCC_ERROR_NOT_FOUND:
    case HCC_ERROR_VALIDATION:
    case HCC_ERROR_CONFLICT:
    case HCC_ERROR_DEVICE:
    default:
      return FALSE;
    }
}

gboolean
hcc_error_check_item (JsonObject  *item,
                      GError     **error)
{
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (item == NULL)
    return TRUE;

  code = hcc_json_dup_string (item, "errorCode", "code", "resultCode", NULL);
  if (code == NULL)
    return TRUE;
  g_strstrip (code);
  if (*code == '\0' || g_str_equal (code, "0"))
    return TRUE;

  message = hcc_json_dup_string (item, "message", "errorMsg", "msg", NULL);
  g_propagate_error (error, hcc_error_new_platform (code, message));
  return FALSE;
}

GError *
hcc_error_new_with_code (HccError    kind,
                         const char *platform_code,
                         const char *message)
{
  GError *error = g_error_new_literal (HCC_ERROR, kind, message);
  HccErrorPrivate *priv = hcc_error_get_private (error);

  if (priv != NULL && platform_code != NULL)
    priv->platform_code = g_strstrip (g_strdup (platform_code));

  return error;
}

GError *
hcc_error_new_for_field (HccError    kind,
                         const char *field,
                         const char *message)
{
  GError *error;
  HccErrorPrivate *priv;

  g_return_val_if_fail (message != NULL, NULL);

  error = g_error_new_literal (HCC_ERROR, kind, message);
  priv = hcc_error_get_private (error);
  if (priv != NULL && field != NULL)
    priv->field = g_strdup (field);

  return error;
}

void
hcc_error_set_field (GError     *error,
                     const char *field)
{
  HccErrorPrivate *priv;

  g_return_if_fail (error != NULL);

  if (error->domain != HCC_ERROR)
    return;

  priv = hcc_error_get_private (error);
  if (priv == NULL)
    return;

  g_free (priv->field);
  priv->field = g_strdup (field);
}

const char *
hcc_error_get_field (const GError *error)
{
  HccErrorPrivate *priv;

  if (error == NULL || error->domain != HCC_ERROR)
    return NULL;

  priv = hcc_error_get_private (error);
  return priv != NULL ? priv->field : NULL;
}
