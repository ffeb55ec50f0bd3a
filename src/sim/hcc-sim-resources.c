/* hcc-sim-resources.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "hcc-sim-resources"

#include "hcc-sim-private.h"

void
_hcc_sim_resources_init (HccSim *sim)
{
}
