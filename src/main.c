/* main.c: the concierge executable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "concierge-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ConciergeApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Translators: the application's name. */
  g_set_application_name (_("Concierge"));

  app = concierge_application_new (APP_ID, G_APPLICATION_HANDLES_COMMAND_LINE);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
