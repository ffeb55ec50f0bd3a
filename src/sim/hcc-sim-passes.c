/* hcc-sim-passes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "hcc-sim-passes"

#include "hcc-sim-private.h"

void
_hcc_sim_passes_init (HccSim *sim)
{
}
