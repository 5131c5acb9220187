/**
 * Protocol names `ip_proto` accepts: Suricata resolves them with getprotobyname(3), which reads
 * /etc/protocols (Debian netbase) and compares case-sensitively, so `tcp` and `TCP` work and `Tcp`
 * does not (verified on Suricata 7.0.10). Names and aliases of protocols 0-255.
 */
export const IP_PROTOCOL_NAMES: ReadonlySet<string> = new Set([
  'ip', 'IP', 'hopopt', 'HOPOPT', 'icmp', 'ICMP', 'igmp', 'IGMP', 'ggp', 'GGP', 'ipencap', 'IP-ENCAP', 'st', 'ST',
  'tcp', 'TCP', 'egp', 'EGP', 'igp', 'IGP', 'pup', 'PUP', 'udp', 'UDP', 'hmp', 'HMP', 'xns-idp', 'XNS-IDP', 'rdp',
  'RDP', 'iso-tp4', 'ISO-TP4', 'dccp', 'DCCP', 'xtp', 'XTP', 'ddp', 'DDP', 'idpr-cmtp', 'IDPR-CMTP', 'ipv6', 'IPv6',
  'ipv6-route', 'IPv6-Route', 'ipv6-frag', 'IPv6-Frag', 'idrp', 'IDRP', 'rsvp', 'RSVP', 'gre', 'GRE', 'esp',
  'IPSEC-ESP', 'ah', 'IPSEC-AH', 'skip', 'SKIP', 'ipv6-icmp', 'IPv6-ICMP', 'ipv6-nonxt', 'IPv6-NoNxt', 'ipv6-opts',
  'IPv6-Opts', 'rspf', 'RSPF', 'CPHB', 'vmtp', 'VMTP', 'eigrp', 'EIGRP', 'ospf', 'OSPFIGP', 'ax.25', 'AX.25', 'ipip',
  'IPIP', 'etherip', 'ETHERIP', 'encap', 'ENCAP', 'pim', 'PIM', 'ipcomp', 'IPCOMP', 'vrrp', 'VRRP', 'l2tp', 'L2TP',
  'isis', 'ISIS', 'sctp', 'SCTP', 'fc', 'FC', 'mobility-header', 'Mobility-Header', 'udplite', 'UDPLite',
  'mpls-in-ip', 'MPLS-in-IP', 'manet', 'hip', 'HIP', 'shim6', 'Shim6', 'wesp', 'WESP', 'rohc', 'ROHC', 'ethernet',
  'Ethernet',
]);
