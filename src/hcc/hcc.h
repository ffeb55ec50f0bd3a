/* hcc.h: the whole public API of libhcc, the Hik-Connect for Teams client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hcc-access-event.h"
#include "hcc-call.h"
#include "hcc-client.h"
#include "hcc-credentials.h"
#include "hcc-error.h"
#include "hcc-event-stream.h"
#include "hcc-json.h"
#include "hcc-scheduler.h"
#include "hcc-validation.h"
#include "hcc-pager.h"

#include "hcc-access-level.h"
#include "hcc-access-record.h"
#include "hcc-access-records.h"
#include "hcc-building.h"
#include "hcc-calls.h"
#include "hcc-camera.h"
#include "hcc-clip.h"
#include "hcc-devices.h"
#include "hcc-directory.h"
#include "hcc-door.h"
#include "hcc-door-result.h"
#include "hcc-doors.h"
#include "hcc-live-address.h"
#include "hcc-pass.h"
#include "hcc-passes.h"
#include "hcc-record-segment.h"
#include "hcc-resident.h"
#include "hcc-room.h"
#include "hcc-video.h"
