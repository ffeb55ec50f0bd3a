/* hcc-sim-video.c: live addresses, HLS streams, recordings, MP4 clips, RTMP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-sim-video"

#include "hcc-sim-private.h"

void
_hcc_sim_video_init (HccSim *sim)
{
  g_return_if_fail (HCC_IS_SIM (sim));
}

void
_hcc_sim_video_shutdown (HccSim *sim)
{
  g_return_if_fail (HCC_IS_SIM (sim));
}
