/* fuzz-hcc-envelope.c: libFuzzer entry point for the reply and event decoding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built only with clang (-fsanitize=fuzzer); run e.g.
 *   CC=clang meson setup _build-fuzz -Db_sanitize=address,undefined
 *   ninja -C _build-fuzz tests/fuzz-hcc-envelope && _build-fuzz/tests/fuzz-hcc-envelope
 */

#include "config.h"

#include <stdint.h>

#include "hcc-client.h"
#include "hcc-event-stream.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static HccClient *client;
  static HccEventStream *stream;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  /* One stream for the whole run: its dedupe memory is part of the state
   * under test. */
  if (stream == NULL)
    {
      client = hcc_client_new ();
      stream = hcc_event_stream_new (client);
    }

  if (hcc_client_decode_envelope (200, bytes, &node, &error))
    hcc_event_stream_process_batch (stream, node);

  return 0;
}
