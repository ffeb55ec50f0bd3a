/* bench-start-peer.c: the least a libadwaita app can show, as bench-start's peer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwApplication whose window holds what Concierge's first frame holds,
 * and nothing behind it: a header bar with a title and a menu button, and a
 * status page with an icon, a title, a description and a spinner, at
 * Concierge's default size. It links GTK and libadwaita only, and reports
 * its first frame through the same probe as the app (CONCIERGE_STARTUP_PROBE),
 * so the difference between the two is what Concierge itself adds.
 */

#define G_LOG_DOMAIN "bench-start-peer"

#include "config.h"

#include <adwaita.h>

#include "concierge-startup-probe.h"

static void
activate_cb (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *menu = gtk_menu_button_new ();
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "open-menu-symbolic");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), menu);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new ("Peer", "Not Connected"));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "network-workgroup-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Connecting");
  adw_status_page_set_description (ADW_STATUS_PAGE (status), "Starting the demo site");
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_spinner_start (GTK_SPINNER (spinner));
  adw_status_page_set_child (ADW_STATUS_PAGE (status), spinner);
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);

  concierge_startup_probe_attach (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = NULL;

  application = adw_application_new ("io.github.hccdesk.Concierge.BenchPeer",
                                     G_APPLICATION_NON_UNIQUE);
  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
