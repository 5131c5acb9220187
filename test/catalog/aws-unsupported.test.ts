import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/catalog/actions.js';
import {
  AWS_UNSUPPORTED,
  awsUnsupportedAction,
  awsUnsupportedKeyword,
  awsUnsupportedProtocol,
} from '../../src/catalog/aws-unsupported.js';
import { lookupKeyword } from '../../src/catalog/keyword-catalog.js';
import { lookupProtocol } from '../../src/catalog/protocols.js';

describe('AWS_UNSUPPORTED data', () => {
  it('sets exactly one of keyword, action, protocol, with a reason and an AWS source', () => {
    for (const entry of AWS_UNSUPPORTED) {
      const targets = [entry.keyword, entry.action, entry.protocol].filter((x) => x !== undefined);
      expect(targets, JSON.stringify(entry)).toHaveLength(1);
      expect(entry.reason.length).toBeGreaterThan(10);
      expect(entry.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    }
  });

  it('names only canonical catalog keywords, known actions and known protocols', () => {
    const actions = new Set(ACTIONS.map((a) => a.name));
    for (const entry of AWS_UNSUPPORTED) {
      if (entry.keyword) expect(lookupKeyword(entry.keyword)?.name, entry.keyword).toBe(entry.keyword);
      if (entry.action) expect(actions.has(entry.action), entry.action).toBe(true);
      if (entry.protocol) expect(lookupProtocol(entry.protocol), entry.protocol).toBeDefined();
    }
  });

  it('agrees with actions.ts on which actions AWS accepts', () => {
    for (const action of ACTIONS) expect(awsUnsupportedAction(action.name) === undefined, action.name).toBe(action.aws);
  });

  it('covers the keywords AWS names', () => {
    for (const name of ['dataset', 'datarep', 'iprep', 'lua', 'filestore', 'filemd5', 'filesha1', 'filesha256', 'filename', 'fileext', 'filemagic', 'filesize', 'threshold', 'cip_service', 'enip_command', 'hostbits']) {
      const entry = awsUnsupportedKeyword(name);
      expect(entry, name).toBeDefined();
      expect(entry!.inferred, name).toBeUndefined();
    }
  });
});

describe('awsUnsupportedKeyword', () => {
  it('resolves aliases and case', () => {
    expect(awsUnsupportedKeyword('luajit')?.keyword).toBe('lua');
    expect(awsUnsupportedKeyword('file_data')?.keyword).toBe('file.data');
    expect(awsUnsupportedKeyword('DATASET')?.keyword).toBe('dataset');
  });

  it('marks inferred entries', () => {
    expect(awsUnsupportedKeyword('detection_filter')?.inferred).toBe(true);
    expect(awsUnsupportedKeyword('file.data')?.inferred).toBe(true);
    expect(awsUnsupportedKeyword('ike.vendor')?.inferred).toBe(true);
  });

  it('reports xbits only with IP tracking', () => {
    expect(awsUnsupportedKeyword('xbits')).toBeUndefined();
    expect(awsUnsupportedKeyword('xbits', 'set, allowed_sni_destination_ips, track ip_dst, expire 3600')?.keyword).toBe('xbits');
    expect(awsUnsupportedKeyword('xbits', 'isset,x,track ip_pair')).toBeDefined();
    expect(awsUnsupportedKeyword('xbits', 'isset,x,track  IP_SRC')).toBeDefined();
    expect(awsUnsupportedKeyword('xbits', 'isset,track_ip_src_name')).toBeUndefined();
  });

  it('reports tag only for tag:host', () => {
    expect(awsUnsupportedKeyword('tag', 'host, 60, seconds, src')).toBeDefined();
    expect(awsUnsupportedKeyword('tag', 'session, 10, packets')).toBeUndefined();
    expect(awsUnsupportedKeyword('tag')).toBeUndefined();
  });

  it('returns undefined for supported keywords', () => {
    for (const name of ['tls.sni', 'content', 'flowbits', 'geoip', 'ja4.hash', 'aws_domain_category', 'unknown_kw']) {
      expect(awsUnsupportedKeyword(name), name).toBeUndefined();
    }
  });
});

describe('awsUnsupportedAction and awsUnsupportedProtocol', () => {
  it('flags reject variants, config and accept', () => {
    for (const a of ['rejectsrc', 'rejectdst', 'rejectboth', 'config', 'accept', 'REJECTBOTH']) expect(awsUnsupportedAction(a), a).toBeDefined();
    for (const a of ['pass', 'drop', 'reject', 'alert']) expect(awsUnsupportedAction(a), a).toBeUndefined();
  });

  it('flags sctp, ikev2, ike, ftp-data, enip', () => {
    for (const p of ['sctp', 'ikev2', 'ike', 'ftp-data', 'enip', 'SCTP']) expect(awsUnsupportedProtocol(p), p).toBeDefined();
    for (const p of ['tls', 'http', 'tcp', 'quic', 'dns']) expect(awsUnsupportedProtocol(p), p).toBeUndefined();
  });
});
