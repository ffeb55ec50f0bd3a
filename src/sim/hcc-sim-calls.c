/* SPDX-License-Identifier: GPL-3.0-or-later */

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "hcc-sim-calls"

#include "config.h"

#include "hcc-sim-private.h"

void
_hcc_sim_calls_init (HccSim *sim)
{
}

void
_hcc_sim_calls_shutdown (HccSim *sim)
{
}
