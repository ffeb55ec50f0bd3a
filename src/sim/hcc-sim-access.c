/* hcc-sim-access.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "hcc-sim-access"

#include "hcc-sim-private.h"

void
_hcc_sim_access_init (HccSim *sim)
{
}
