/* hcc-clip.h: a saved MP4 clip and the state of its upload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HCC_TYPE_CLIP (hcc_clip_get_type ())

G_DECLARE_FINAL_TYPE (HccClip, hcc_clip, HCC, CLIP, GObject)

HccClip            *hcc_clip_new             (void);
const char         *hcc_clip_get_task_id     (HccClip *self);
int                 hcc_clip_get_status      (HccClip *self);
GDateTime          *hcc_clip_get_expire_time (HccClip *self);
const char * const *hcc_clip_get_urls        (HccClip *self);
void                hcc_clip_set_task_id     (HccClip    *self,
                                              const char *task_id);
void                hcc_clip_set_status      (HccClip *self,
                                              int      status);
void                hcc_clip_set_expire_time (HccClip   *self,
                                              GDateTime *expire_time);
void                hcc_clip_set_urls        (HccClip            *self,
                                              const char * const *urls);

G_END_DECLS
