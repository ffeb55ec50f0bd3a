/* hcc-sim.h: a local implementation of the Hik-Connect for Teams OpenAPI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The credentials every simulated site accepts out of the box. They are
 * published in the README: the simulator is a local demo, not a vault. */
#define HCC_SIM_DEMO_APP_KEY    "concierge-demo-ak"
#define HCC_SIM_DEMO_SECRET_KEY "concierge-demo-sk"

#define HCC_TYPE_SIM (hcc_sim_get_type ())

G_DECLARE_FINAL_TYPE (HccSim, hcc_sim, HCC, SIM, GObject)

HccSim     *hcc_sim_new                 (guint64           seed,
                                         guint             n_residents);
void        hcc_sim_set_demo            (HccSim           *self,
                                         gboolean          demo);
void        hcc_sim_set_tls_certificate (HccSim           *self,
                                         GTlsCertificate  *certificate);
void        hcc_sim_set_rtmp_base_url   (HccSim           *self,
                                         const char       *rtmp_base_url);
gboolean    hcc_sim_start               (HccSim           *self,
                                         guint16           port,
                                         guint16           control_port,
                                         GError          **error);
void        hcc_sim_stop                (HccSim           *self);
char       *hcc_sim_dup_base_url        (HccSim           *self);
char       *hcc_sim_dup_control_url     (HccSim           *self);
guint16     hcc_sim_get_port            (HccSim           *self);
guint16     hcc_sim_get_control_port    (HccSim           *self);

GTlsCertificate *hcc_sim_generate_certificate (const char  *cert_path,
                                               const char  *key_path,
                                               GError     **error);

G_END_DECLS
