#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# e2e-answer.py: drive the real concierge window through AT-SPI, as a screen
# reader user would, against a separate hcc-sim process.
#
#   e2e-answer.py CONCIERGE_EXE       (HCC_SIM_EXE comes from the environment)
#
# Cases, each with a call injected on the simulator's control port:
#   answer     the ringing call's "Answer" button sends call/receive with
#              status 1 and the injected recordId
#   open-door  the call's "Open Door" button sends acs/v1/remote/control
#              (unlock) for exactly the door IDs of the calling station
#   pick-door  a call from a station with two doors: its "Open Door" shows
#              the call with a door menu; the door picked there (the second,
#              so that "the first door" would be wrong) is the only one the
#              simulator is asked to unlock
#
# Exit status: 0 passed, 1 failed, 77 skipped (no display or no AT-SPI).
# Run it as the suite does: under `xvfb-run -a dbus-run-session`.

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request

# The suite's G_DEBUG=fatal-warnings is meant for our C code. libatspi, in
# this process, warns that GTK 4.8 has no AT-SPI cache object ("Error in
# GetItems"), which is harmless: keep that from aborting the test itself.
# Set before GLib is loaded, as it reads G_DEBUG once.
G_DEBUG_OF_SUITE = os.environ.setdefault('E2E_SUITE_G_DEBUG', os.environ.get('G_DEBUG', ''))
os.environ['G_DEBUG'] = ','.join(flag for flag in G_DEBUG_OF_SUITE.split(',')
                                 if flag and flag != 'fatal-warnings')

# Debian's pyatspi lives in the system Python; a python3 found first on PATH
# (a virtualenv, pyenv) does not have it. Hand over to the system one.
try:
    import pyatspi
except ImportError:
    SYSTEM_PYTHON = '/usr/bin/python3'
    if os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON) \
       and os.path.exists(SYSTEM_PYTHON) and 'E2E_REEXEC' not in os.environ:
        os.environ['E2E_REEXEC'] = '1'
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON] + sys.argv)
    print('SKIP: pyatspi is not installed (Debian package python3-pyatspi)')
    sys.exit(77)

from gi.repository.GLib import GError as GLibError  # noqa: E402  (after pyatspi's gi)

SIM_START_TIMEOUT = 20      # the simulator builds its world and binds two ports
WINDOW_TIMEOUT = 60         # the app starts, signs in and subscribes
BUTTON_TIMEOUT = 150        # a call rings within one poll; a busy app answers AT-SPI slowly
REQUEST_TIMEOUT = 30        # a pressed button's request reaches the simulator
CALL_RING_SECONDS = 600     # injected calls outlive the test: no device timeout

# No proxy, whatever the environment says: everything is on the loopback.
HTTP = urllib.request.build_opener(urllib.request.ProxyHandler({}))

children = []


class Failure(Exception):
    pass


STARTED = time.monotonic()


def log(message):
    print('# %6.2f s  %s' % (time.monotonic() - STARTED, message), flush=True)


def set_death_signal():
    # Runs in the child before exec: it dies with this script even if this
    # script is killed with SIGKILL, so no simulator or app is left behind.
    try:
        import ctypes
        libc = ctypes.CDLL('libc.so.6', use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except OSError:
        pass


def spawn(argv, env, **kwargs):
    process = subprocess.Popen(argv, env=env, preexec_fn=set_death_signal, **kwargs)
    children.append(process)
    return process


def stop_children():
    for process in reversed(children):
        if process.poll() is None:
            process.terminate()
    for process in reversed(children):
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    children.clear()


def wait_until(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise Failure('timed out after %d s waiting for %s' % (timeout, what))
        time.sleep(0.1)


# ---- the simulator -------------------------------------------------------

class Sim:
    def __init__(self, exe, env):
        self.process = spawn([exe, '--port', '0', '--control-port', '0'], env,
                             stdout=subprocess.PIPE, text=True)
        self.api = None
        self.control = None
        deadline = time.monotonic() + SIM_START_TIMEOUT
        # hcc-sim prints "API: URL" and "Control: URL/control/status" once it
        # listens; with port 0 these carry the ports the system chose.
        while (self.api is None or self.control is None) and time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            if line.startswith('API:'):
                self.api = line.split()[1]
            elif line.startswith('Control:'):
                self.control = line.split()[1].rsplit('/control/', 1)[0]
        if self.api is None or self.control is None:
            raise Failure('hcc-sim did not report its ports')
        # Keep its pipe drained so it never blocks on a full pipe.
        self.process.stdout.close()
        status = self.get('/control/status')
        self.app_key = status['app_key']
        self.secret_key = status['secret_key']
        self.base_url = self.api[:-len('/api/hccgw')] if self.api.endswith('/api/hccgw') \
            else self.api
        self.token = None

    def _request(self, url, method, body, headers):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        with HTTP.open(request, timeout=30) as reply:
            return json.loads(reply.read().decode() or 'null')

    def get(self, path):
        return self._request(self.control + path, 'GET', None, {})

    def post(self, path, body):
        return self._request(self.control + path, 'POST', body,
                             {'Content-Type': 'application/json'})

    def api_post(self, path, body):
        """An API call with a token of its own: the request limit is per token,
        so it takes nothing from the app's budget."""
        headers = {'Content-Type': 'application/json'}
        if self.token is None:
            reply = self._request(self.api + '/platform/v1/token/get', 'POST',
                                  {'appKey': self.app_key, 'secretKey': self.secret_key},
                                  headers)
            self.token = reply['data']['accessToken']
        headers['Token'] = self.token
        reply = self._request(self.api + path, 'POST', body, headers)
        if reply.get('errorCode') != '0':
            raise Failure('%s failed: %r' % (path, reply))
        return reply['data']

    def doors_by_station(self):
        """{station serial: [(door ID, door name)]} for every door station."""
        data = self.api_post('/resource/v1/areas/doors/get',
                             {'pageIndex': 1, 'pageSize': 500,
                              'filter': {'areaID': '-1', 'includeSubArea': '1'}})
        stations = {}
        for door in data.get('door', []):
            device = door['device']['devInfo']
            if device.get('category') == 'videoIntercomDevice':
                stations.setdefault(device['serialNo'], []).append((door['id'], door['name']))
        return stations

    def requests_since(self, seq):
        return self.get('/control/requests?since=%d' % seq)['requests']

    def last_seq(self):
        return self.get('/control/requests?since=%d' % (2 ** 62))['last_seq']


def request_body(entry):
    body = entry.get('body')
    if isinstance(body, str):
        try:
            body = json.loads(body)
        except ValueError:
            return None
    return body if isinstance(body, dict) else None


# ---- the app through AT-SPI ----------------------------------------------

def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        try:
            app = desktop.getChildAtIndex(index)
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            # An application that went away while we looked.
            continue
    return None


# Roles that hold no button: their subtrees are not walked. Every step of a
# walk is a D-Bus round trip answered by the app's main loop (GTK 4.8 offers
# no AT-SPI cache), so a busy app makes each one slow.
LEAF_ROLES = {
    pyatspi.ROLE_LABEL, pyatspi.ROLE_IMAGE, pyatspi.ROLE_ICON, pyatspi.ROLE_SEPARATOR,
    pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_SCROLL_BAR,
    pyatspi.ROLE_PROGRESS_BAR, pyatspi.ROLE_SLIDER, pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_ANIMATION, pyatspi.ROLE_CALENDAR,
}

# Views and pages that never hold a call's buttons; the views are named by
# their type when they have no label of their own.
OTHER_PAGES = re.compile(r'^Concierge(SetupPage|ConnectionBanner|(?!Calls?View)\w+View)$')


def walk(node, prune=False):
    """Every accessible below @node, depth first, skipping parts that vanish.
    With @prune, subtrees that cannot hold a call's buttons are skipped."""
    for found, _ in walk_with_depth(node, 0, prune):
        yield found


def walk_with_depth(node, depth=0, prune=True):
    if node is None or depth > 60:
        return
    yield node, depth
    try:
        if prune:
            role = node.getRole()
            if role in LEAF_ROLES:
                return
            if role in (pyatspi.ROLE_FILLER, pyatspi.ROLE_PANEL) and \
               OTHER_PAGES.match(node.name or ''):
                return
        count = node.childCount
    except Exception:
        return
    for index in range(count):
        try:
            child = node.getChildAtIndex(index)
        except Exception:
            continue
        yield from walk_with_depth(child, depth + 1, prune)


def describe(node):
    try:
        return '%s "%s"' % (node.getRoleName(), node.name)
    except Exception:
        return '(gone)'


def name_of(node):
    try:
        return node.name
    except Exception:
        return None


def usable(node):
    """Whether a user could press it: GTK 4.8 refuses DoAction on an
    insensitive or hidden widget."""
    try:
        states = node.getState()
        return states.contains(pyatspi.STATE_SENSITIVE) and states.contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def state_names(node):
    try:
        return ' '.join(sorted(pyatspi.stateToString(s) for s in node.getState().getStates()))
    except Exception:
        return '(gone)'


def dump_tree(app, limit=300):
    """The part of the tree the buttons are looked for in, indented."""
    lines = []
    for node, depth in walk_with_depth(app):
        lines.append('  ' * depth + describe(node))
        if len(lines) >= limit:
            lines.append('...')
            break
    return '\n'.join(lines)


def find_buttons(root, pattern):
    found = []
    started = time.monotonic()
    count = 0
    for node in walk(root, prune=True):
        count += 1
        try:
            if node.getRole() in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON) \
               and pattern.search(node.name or ''):
                found.append(node)
        except Exception:
            continue
    # A slow app answers each accessible's questions slowly: say how slow.
    log('looked through %d accessibles in %.1f s for /%s/: %d found'
        % (count, time.monotonic() - started, pattern.pattern, len(found)))
    return found


def press(button):
    action = button.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    if action.nActions == 0:
        raise Failure('%s has no action to press' % describe(button))
    # GTK 4 names its button action "click"; take the first one otherwise.
    index = names.index('click') if 'click' in names else 0
    log('pressing %s (action "%s")' % (describe(button), names[index]))
    if not action.doAction(index):
        raise Failure('AT-SPI refused the action on %s (states: %s)'
                      % (describe(button), state_names(button)))


APP_PROCESS = None


def check_alive():
    if APP_PROCESS is not None and APP_PROCESS.poll() is not None:
        raise Failure('concierge exited with status %d' % APP_PROCESS.returncode)


def press_button(root, pattern, what, choose=None):
    """Waits for a usable button below @root whose name matches @pattern
    (and that @choose, given all matches, keeps) and presses it. A list row
    may be rebuilt between finding and pressing (its accessible then
    vanishes), so that is retried until the timeout."""
    deadline = time.monotonic() + BUTTON_TIMEOUT
    seen = []
    while time.monotonic() < deadline:
        check_alive()
        seen = find_buttons(root, pattern)
        for button in (choose(seen) if choose else seen):
            if not usable(button):
                continue
            try:
                press(button)
                return
            except (NotImplementedError, GLibError) as error:
                log('%s went away while pressing it (%s); looking again'
                    % (describe(button), type(error).__name__))
        time.sleep(0.1)
    log('accessible tree below %s:\n%s' % (describe(root), dump_tree(root)))
    if seen:
        raise Failure('timed out after %d s: %s found but never usable (states: %s)'
                      % (BUTTON_TIMEOUT, describe(seen[0]), state_names(seen[0])))
    raise Failure('timed out after %d s waiting for %s' % (BUTTON_TIMEOUT, what))


# ---- the cases -----------------------------------------------------------

def inject_call(sim, station):
    call = sim.post('/control/calls', {'device_serial': station, 'call_type': 1,
                                       'timeout_s': CALL_RING_SECONDS})
    log('injected call %s from %s (%s)' % (call['record_id'], call['device_name'], station))
    return call


def station_pattern(label, call):
    # The ringing row's buttons name their station ("Answer North Tower door
    # station"); a lone "Answer" (one call) is accepted too.
    return re.compile(r'^%s(\s+%s)?$' % (label, re.escape(call['device_name'])))


def case_answer(sim, view, station):
    call = inject_call(sim, station)
    since = sim.last_seq()
    press_button(view, station_pattern('Answer', call),
                 'a button named "Answer" for %s' % call['device_name'])

    def answered():
        for entry in sim.requests_since(since):
            body = request_body(entry)
            if entry['path'].endswith('/call/receive') and body is not None \
               and str(body.get('recordId')) == call['record_id'] \
               and str(body.get('status')) == '1':
                return entry
        return None

    entry = wait_until(answered, REQUEST_TIMEOUT,
                       'call/receive with status 1 and recordId %s' % call['record_id'])
    if entry.get('http_status') != 200 or entry.get('error_code') not in (None, '0'):
        raise Failure('the answer was refused: %r' % entry)
    # Nothing else touched this call: no decline or hang-up went with it.
    others = [request_body(e) for e in sim.requests_since(since)
              if e['path'].endswith('/call/receive')]
    statuses = sorted(str(b.get('status')) for b in others
                      if b is not None and str(b.get('recordId')) == call['record_id'])
    if statuses != ['1']:
        raise Failure('expected one call/receive (status 1) for the call, got %r' % statuses)
    state = [c for c in sim.get('/control/calls')['calls']
             if c['record_id'] == call['record_id']][0]['state']
    if state != 'answered':
        raise Failure('the simulator has the call %s, not answered' % state)
    log('answer: call/receive status 1 for %s, the call is answered' % call['record_id'])


def remote_controls_since(sim, since):
    return [request_body(e) for e in sim.requests_since(since)
            if e['path'].endswith('/acs/v1/remote/control')]


def the_one_unlock(sim, since):
    """The door IDs of the one remote/control unlock sent since @since."""
    wait_until(lambda: remote_controls_since(sim, since), REQUEST_TIMEOUT,
               'acs/v1/remote/control')
    # Give a wrong second request a moment to show up, then judge them all.
    time.sleep(1)
    sent = remote_controls_since(sim, since)
    if len(sent) != 1:
        raise Failure('expected one remote/control request, got %d: %r' % (len(sent), sent))
    control = (sent[0] or {}).get('remoteControl') or {}
    elements = control.get('elementlist')
    if str(control.get('actionType')) != '1':
        raise Failure('remote/control was not an unlock (actionType 1): %r' % sent[0])
    if not isinstance(elements, list):
        raise Failure('remote/control has no list of doors: %r' % sent[0])
    return [str(element) for element in elements]


def case_open_door(sim, view, station, door_ids):
    call = inject_call(sim, station)
    since = sim.last_seq()
    # The ringing row names its station ("Open the door of Main gate
    # station"). A bare "Open Door" (the call view's) is taken only when it
    # is the one usable button of that name, so that it cannot be another
    # call's.
    pattern = re.compile(r'^(Open Door|Open the door of %s)$' % re.escape(call['device_name']))

    def choose(found):
        named = [b for b in found if name_of(b) not in ('Open Door', None)]
        bare = [b for b in found if name_of(b) == 'Open Door' and usable(b)]
        return named or (bare if len(bare) == 1 else [])

    press_button(view, pattern, 'a button named "Open Door" for %s' % call['device_name'],
                 choose)

    elements = the_one_unlock(sim, since)
    if sorted(elements) != sorted(door_ids):
        raise Failure('remote/control sent doors %r, the call has %r' % (elements, door_ids))
    log('open-door: unlock of exactly %r' % door_ids)


def first_named(root, name):
    """The first accessible named @name below @root, or None."""
    for node in walk(root, prune=True):
        if name_of(node) == name:
            return node
    return None


def case_pick_door(sim, calls_view, station, doors):
    call = inject_call(sim, station)
    since = sim.last_seq()
    door_id, door_name = doors[1]
    call_view = wait_until(lambda: first_named(calls_view, 'ConciergeCallView'), BUTTON_TIMEOUT,
                           'the call view')
    # The answered call of an earlier case may be on screen: back to the
    # queue. (GTK 4.8 names the button "Back to the call queue Calls", and
    # refuses to press it when the queue is on screen already.)
    for back in find_buttons(call_view, re.compile(r'^Back to the call queue')):
        try:
            press(back)
        except Failure:
            log('the call queue is on screen already')
    press_button(calls_view, re.compile(r'^Open the door of %s$' % re.escape(call['device_name'])),
                 'the row button "Open the door of %s"' % call['device_name'])
    # Several doors: nothing is sent yet, the call view offers a menu (named
    # "Open Door…", or "_Open Door… Open Door…" by GTK 4.8).
    press_button(call_view, re.compile(r'Open Door…$'),
                 'the door menu "Open Door…" of the call view')
    if remote_controls_since(sim, since):
        raise Failure('a door was opened before one was picked: %r'
                      % remote_controls_since(sim, since))
    press_button(call_view, re.compile(r'^Open %s$' % re.escape(door_name)),
                 'the menu item "Open %s"' % door_name)

    elements = the_one_unlock(sim, since)
    if elements != [door_id]:
        raise Failure('remote/control sent doors %r, the operator picked %s (%s) of %r'
                      % (elements, door_name, door_id, doors))
    log('pick-door: unlock of exactly %s (%s), not of %s' % (door_name, door_id, doors[0][1]))


def main():
    if len(sys.argv) != 2:
        print('usage: e2e-answer.py CONCIERGE_EXE', file=sys.stderr)
        return 2
    concierge = sys.argv[1]
    sim_exe = os.environ.get('HCC_SIM_EXE')
    if not sim_exe:
        print('HCC_SIM_EXE is not set', file=sys.stderr)
        return 2
    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        print('SKIP: no display (run under xvfb-run -a dbus-run-session)')
        return 77
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        print('SKIP: no session bus, so no AT-SPI (run under dbus-run-session)')
        return 77

    home = tempfile.mkdtemp(prefix='concierge-e2e-')
    results = {}
    try:
        # Xvfb resets when its last client leaves, and a client connecting
        # during the reset fails with "cannot open display". The AT-SPI bus
        # launcher connects and leaves when it starts, just as the app
        # connects: one client holding a connection all along prevents that.
        xprop = shutil.which('xprop')
        if os.environ.get('DISPLAY') and xprop:
            spawn([xprop, '-root', '-spy'], dict(os.environ),
                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.2)
        # Start the AT-SPI registry (and with it the bus launcher) now.
        pyatspi.Registry.getDesktop(0)

        env = dict(os.environ)
        env['G_DEBUG'] = G_DEBUG_OF_SUITE
        # Accessibility on: the suite turns it off for the other tests.
        env.pop('NO_AT_BRIDGE', None)
        env.pop('GTK_A11Y', None)
        for name, sub in (('XDG_DATA_HOME', 'data'), ('XDG_CONFIG_HOME', 'config'),
                          ('XDG_CACHE_HOME', 'cache')):
            env[name] = os.path.join(home, sub)
            os.makedirs(env[name])
        env['GSETTINGS_BACKEND'] = 'memory'
        env['CONCIERGE_AUDIO_SINK'] = 'fakesink'
        # The suite's G_DEBUG=fatal-warnings stays: a warning in the app is a
        # bug this test should see, as the app dying makes the window vanish.

        sim = Sim(sim_exe, env)
        log('hcc-sim: API %s, control %s' % (sim.api, sim.control))
        stations = sim.doors_by_station()
        # A station with one door: "Open Door" then needs no choice, and
        # "exactly the call's doors" is that one door.
        single = sorted(s for s, doors in stations.items() if len(doors) == 1)
        if len(single) < 2:
            raise Failure('the demo site has fewer than two one-door stations: %r' % stations)
        several = sorted(s for s, doors in stations.items() if len(doors) >= 2)
        if not several:
            raise Failure('the demo site has no door station with two doors: %r' % stations)

        env['HCC_APP_KEY'] = sim.app_key
        env['HCC_SECRET_KEY'] = sim.secret_key
        global APP_PROCESS
        app_process = APP_PROCESS = spawn([concierge, '--server', sim.base_url], env)
        log('concierge started (pid %d)' % app_process.pid)

        def app_up():
            if app_process.poll() is not None:
                raise Failure('concierge exited with status %d' % app_process.returncode)
            return find_app(app_process.pid)

        app = wait_until(app_up, WINDOW_TIMEOUT, 'the app on the AT-SPI bus')

        def window_up():
            app_up()
            for node in walk(app):
                try:
                    if node.getRole() == pyatspi.ROLE_FRAME:
                        return True
                except Exception:
                    continue
            return False

        wait_until(window_up, WINDOW_TIMEOUT, 'the window on the AT-SPI bus')
        log('window is up: %s' % describe(app))

        # The app subscribes to calls after signing in; wait for the first
        # pull of the queue so the injected call is not older than the session.
        try:
            wait_until(lambda: any(e['path'].endswith('/rawmsg/v1/mq/messages')
                                   for e in sim.requests_since(0)),
                       WINDOW_TIMEOUT, 'the app to poll the event queue')
        except Failure:
            log('requests the app sent: %r' % sorted({e['path'] for e in sim.requests_since(0)}))
            log('accessible tree of the app:\n' + dump_tree(app))
            raise

        # The cases search only the calls view's part of the tree: every
        # accessible looked at is a round trip to an app that is busy
        # playing video, and the rest of the window holds no call's button.
        view = wait_until(lambda: first_named(app, 'ConciergeCallsView'), WINDOW_TIMEOUT,
                          'the calls view on the AT-SPI bus')

        # Open Door first, while no call is answered: the answered call's
        # view has an "Open Door" of its own. Its call keeps ringing, so the
        # Answer case then picks one call out of two in the queue. The door
        # menu last: it leaves its call on screen.
        door_ids = [door_id for door_id, _ in stations[single[1]]]
        for name, case in (('open-door', lambda: case_open_door(sim, view, single[1], door_ids)),
                           ('answer', lambda: case_answer(sim, view, single[0])),
                           ('pick-door', lambda: case_pick_door(sim, view, several[0],
                                                                stations[several[0]]))):
            try:
                if app_process.poll() is not None:
                    raise Failure('concierge exited with status %d' % app_process.returncode)
                case()
                results[name] = None
            except Failure as error:
                results[name] = str(error)
            except Exception:
                results[name] = traceback.format_exc()
            if results[name] is not None and app_process.poll() is not None \
               and 'concierge exited' not in results[name]:
                results[name] += '\n(concierge exited with status %d)' % app_process.returncode
    except Failure as error:
        results['setup'] = str(error)
    except Exception:
        results['setup'] = traceback.format_exc()
    finally:
        stop_children()
        shutil.rmtree(home, ignore_errors=True)

    # TAP, so meson shows each case.
    print('1..%d' % len(results))
    for number, (name, error) in enumerate(results.items(), 1):
        if error is None:
            print('ok %d %s' % (number, name))
        else:
            print('not ok %d %s' % (number, name))
            for line in error.splitlines():
                print('# ' + line)
    return 0 if all(error is None for error in results.values()) else 1


def on_signal(number, frame):
    # meson's timeout sends SIGTERM: take the children along.
    stop_children()
    sys.exit(128 + number)


if __name__ == '__main__':
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    sys.exit(main())
