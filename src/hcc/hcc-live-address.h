/* hcc-live-address.h: a live-view stream address from video/v1/live/address/get
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HCC_TYPE_LIVE_ADDRESS (hcc_live_address_get_type ())

G_DECLARE_FINAL_TYPE (HccLiveAddress, hcc_live_address, HCC, LIVE_ADDRESS, GObject)

HccLiveAddress *hcc_live_address_new             (void);
const char     *hcc_live_address_get_id          (HccLiveAddress *self);
const char     *hcc_live_address_get_url         (HccLiveAddress *self);
int             hcc_live_address_get_protocol    (HccLiveAddress *self);
int             hcc_live_address_get_quality     (HccLiveAddress *self);
GDateTime      *hcc_live_address_get_expire_time (HccLiveAddress *self);
void            hcc_live_address_set_id          (HccLiveAddress *self,
                                                  const char     *id);
void            hcc_live_address_set_url         (HccLiveAddress *self,
                                                  const char     *url);
void            hcc_live_address_set_protocol    (HccLiveAddress *self,
                                                  int             protocol);
void            hcc_live_address_set_quality     (HccLiveAddress *self,
                                                  int             quality);
void            hcc_live_address_set_expire_time (HccLiveAddress *self,
                                                  GDateTime      *expire_time);

G_END_DECLS
