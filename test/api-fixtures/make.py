"""Writes the read-side fixtures as the Go server marshals them (encoding/json via gin's c.JSON):
struct field order, no spaces, []byte as padded standard Base64, `<`, `>`, `&` in strings as
\\u003c \\u003e \\u0026, int64/uint64 as bare numbers. Each fixture's source is cited in
test/api-fixtures.test.ts. Run: python3 test/api-fixtures/make.py"""
import base64, json, os

HERE = os.path.dirname(os.path.abspath(__file__))
MAX63 = 2**63 - 1          # 9223372036854775807
P53 = 2**53 + 1            # 9007199254740993
MAXU64 = 2**64 - 1

def b64(obj):
    return base64.b64encode(json.dumps(obj, ensure_ascii=False, separators=(',', ':')).encode('utf-8')).decode('ascii')

def go(obj):
    text = json.dumps(obj, ensure_ascii=False, separators=(',', ':'))
    return text.replace('<', '\\u003c').replace('>', '\\u003e').replace('&', '\\u0026').replace('\u2028', '\\u2028').replace('\u2029', '\\u2029')

def msg(message_id, seq, from_uid, channel_id, channel_type, payload, setting=0, client_msg_no='cmn-1', ts=1767225600, stream=None, topic=None, header=(0, 1, 0)):
    m = {'header': {'no_persist': header[0], 'red_dot': header[1], 'sync_once': header[2]}, 'setting': setting,
         'message_id': message_id, 'message_idstr': str(message_id), 'client_msg_no': client_msg_no}
    if stream:
        m.update(stream)
    m.update({'message_seq': seq, 'from_uid': from_uid, 'channel_id': channel_id, 'channel_type': channel_type})
    if topic:
        m['topic'] = topic
    m.update({'expire': 0, 'timestamp': ts, 'payload': payload})
    return m

text = b64({'type': 1, 'content': '你好 <b>&</b> 👋', 'mention': {'all': 0, 'uids': ['u2']}})
image = b64({'type': 2, 'url': 'https://cdn.example/a.png', 'width': 640, 'height': 480})
bad = b64({'type': 1})                       # a text without content: fails alone
custom = b64({'type': 120, 'anything': [1, 2]})  # unknown type: kept as UnknownPayload
cmd = b64({'type': 99, 'cmd': 'messageRevoke', 'param': {'message_id': str(MAX63)}})
stream_meta = {'end': 1, 'stream_data': base64.b64encode('streamed text'.encode()).decode(),
               'event_meta': {'has_events': True, 'completed': True, 'event_version': 3, 'last_msg_event_seq': 3, 'event_count': 1,
                              'events': [{'event_key': 'main', 'status': 'closed', 'last_msg_event_seq': 3, 'snapshot': {'kind': 'text', 'text': 'streamed text'}}]},
               'event_sync_hint': {'client_msg_no': 'stream-1', 'from_msg_event_seq': 0}}

fixtures = {
  'messagesync': {'start_message_seq': P53, 'end_message_seq': MAXU64, 'more': 1, 'messages': [
      msg(MAX63, P53, 'u1', 'u2', 1, text),
      msg(P53, MAXU64, 'u2', 'u2', 1, bad, client_msg_no='cmn-2'),
      msg(1867301234567890123, 3, '', 'g1', 2, custom, client_msg_no='cmn-3'),
      msg(1867301234567890124, 4, 'bot', 'g1', 2, text, setting=2, client_msg_no='stream-1', stream=stream_meta, topic='ai'),
  ]},
  'messagesync-empty': {'start_message_seq': 0, 'end_message_seq': 0, 'more': 0, 'messages': []},
  'conversation-sync': [
      {'channel_id': 'u2', 'channel_type': 1, 'unread': 2, 'timestamp': 1767225600, 'last_msg_seq': 4294967295, 'last_client_msg_no': 'cmn-1',
       'offset_msg_seq': MAX63, 'readed_to_msg_seq': 7, 'version': 1767225600123456789, 'recents': [msg(MAX63, 9, 'u2', 'u1', 1, image)]},
      {'channel_id': 'g1', 'channel_type': 2, 'unread': 0, 'timestamp': P53, 'last_msg_seq': 3, 'last_client_msg_no': 'cmn-3',
       'offset_msg_seq': 0, 'readed_to_msg_seq': 3, 'version': MAX63, 'recents': [msg(P53, 3, 'u1', 'g1', 2, bad)]},
  ],
  'conversation-sync-empty': [],
  'conversation-sync-messages': [
      {'channel_id': 'g1', 'channel_type': 2, 'messages': [msg(MAX63, 5, 'u1', 'g1', 2, text)], 'user_last_msg_seq': P53},
      {'channel_id': 'g2', 'channel_type': 2, 'messages': None, 'user_last_msg_seq': 0},
  ],
  'cmd-sync': [msg(MAX63, 1, '', 'u1', 1, cmd, header=(0, 0, 1))],
  'cmd-sync-disabled': [],
  'status-200': {'status': 200},
  'messages': {'start_message_seq': 0, 'end_message_seq': 0, 'more': 0, 'messages': [msg(MAX63, 5, 'u1', 'g1', 2, text), msg(P53, 6, 'u1', 'g1', 2, image)]},
  'message': msg(MAX63, P53, 'u1', 'g1', 2, text),
  'not-found': {'status': 404},
  'max-message-seq': {'message_seq': MAXU64},
  'max-message-seq-empty': {'message_seq': 0},
  'sendbatch': {'fail_uids': ['u9'], 'reason': ['频道不存在！']},
  'sendbatch-all-failed': {'fail_uids': ['u8', 'u9'], 'reason': ['x', 'y']},
  'search': {'cost': P53, 'total': MAX63, 'limit': 20, 'page': 1, 'messages': [
      {'message_id': MAX63, 'message_idstr': str(MAX63), 'message_seq': P53, 'client_msg_no': 'cmn-1', 'from_uid': 'u1', 'channel_id': 'u2', 'channel_type': 1,
       'payload': b64({'type': 1, 'content': '去<mark>北京</mark>吗 <script>'}), 'payload_json': json.dumps({'type': 1, 'content': '去北京吗 <script>'}, ensure_ascii=False, separators=(',', ':')),
       'timestamp': 1767225600, 'score': 1.25},
  ]},
  'error-400': {'msg': 'login_uid不能为空！', 'status': 400},
}

for name, value in fixtures.items():
    with open(os.path.join(HERE, f'{name}.json'), 'w', encoding='utf-8') as f:
        f.write(go(value))
print(len(fixtures), 'fixtures')
