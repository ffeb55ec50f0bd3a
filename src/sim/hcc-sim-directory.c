/* hcc-sim-directory.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "hcc-sim-directory"

#include "hcc-sim-private.h"

void
_hcc_sim_directory_init (HccSim *sim)
{
}
