// Compact excerpts of the lab logs in test/fixtures/lab (real racoon2 output in the gateway's line
// shape), embedded so that `ipsec-doctor simulate` works from an installed package, where the test
// fixtures are not shipped. Pure data.

/** r2-p1_hash_mismatch_v1: the gateway wants sha256 for IKE, the peer offers sha1. */
export const P1_HASH_MISMATCH_LOG: readonly string[] = [
  "2026-11-22 06:14:13 vco-bp103da4211aff62a283 [INFO]: main.c:306:main(): starting iked for racoon2 20100526a",
  "2026-11-22 06:14:13 vco-bp103da4211aff62a283 [INFO]: main.c:310:main(): OPENSSLDIR: \"/usr/lib/ssl\"",
  "2026-11-22 06:14:13 vco-bp103da4211aff62a283 [INFO]: main.c:321:main(): reading config /etc/racoon2/racoon2.conf",
  "2026-11-22 06:14:13 vco-bp103da4211aff62a283 [INFO]: isakmp.c:547:isakmp_open_address(): 198.51.100.1[4500] used for NAT-T",
  "2026-11-22 06:14:13 vco-bp103da4211aff62a283 [INFO]: main.c:437:main(): starting iked for racoon2 20100526a",
  "2026-11-22 06:14:14 vco-bp103da4211aff62a283 [INFO]: ikev1.c:992:isakmp_ph1begin_r(): respond new phase 1 negotiation: 198.51.100.1[500]<=>198.51.100.2[500]",
  "2026-11-22 06:14:14 vco-bp103da4211aff62a283 [INFO]: ikev1.c:997:isakmp_ph1begin_r(): begin Identity Protection mode.",
  "2026-11-22 06:14:14 vco-bp103da4211aff62a283 [INFO]: isakmp_ident.c:889:ident_r1recv(): Selected NAT-T version: RFC 3947",
  "2026-11-22 06:14:14 vco-bp103da4211aff62a283 [DEBUG]: ipsec_doi.c:372:get_ph1approvalx(): Compared: DB:Peer",
  "2026-11-22 06:14:14 vco-bp103da4211aff62a283 [DEBUG]: ipsec_doi.c:373:get_ph1approvalx(): (lifetime = 28800:15840)",
  "2026-11-22 06:14:14 vco-bp103da4211aff62a283 [DEBUG]: ipsec_doi.c:377:get_ph1approvalx(): enctype = AES-CBC:AES-CBC",
  "2026-11-22 06:14:14 vco-bp103da4211aff62a283 [DEBUG]: ipsec_doi.c:382:get_ph1approvalx(): (encklen = 256:256)",
  "2026-11-22 06:14:14 vco-bp103da4211aff62a283 [DEBUG]: ipsec_doi.c:384:get_ph1approvalx(): hashtype = SHA256:SHA",
  "2026-11-22 06:14:14 vco-bp103da4211aff62a283 [DEBUG]: ipsec_doi.c:394:get_ph1approvalx(): dh_group = 2048-bit MODP group:2048-bit MODP group",
  "2026-11-22 06:14:14 vco-bp103da4211aff62a283 [PROTO_ERR]: ipsec_doi.c:498:print_ph1mismatched(): ours: enctype=AES-CBC authmethod=pre-shared key hashtype SHA dh_group 2048-bit MODP group",
  "2026-11-22 06:14:14 vco-bp103da4211aff62a283 [PROTO_ERR]: ipsec_doi.c:505:print_ph1mismatched(): DB(prop#1:trns#1):Peer(prop#1:trns#1) theirs: enctype=AES-CBC authmethod=pre-shared key hashtype SHA256 dh_group 2048-bit MODP group",
  "2026-11-22 06:14:14 vco-bp103da4211aff62a283 [PROTO_ERR]: ipsec_doi.c:525:print_ph1mismatched(): rejected hashtype",
  "2026-11-22 06:14:14 vco-bp103da4211aff62a283 [PROTO_ERR]: ipsec_doi.c:268:get_ph1approval(): no suitable proposal found.",
  "2026-11-22 06:14:14 vco-bp103da4211aff62a283 [PROTO_ERR]: isakmp_ident.c:897:ident_r1recv(): 0:? - 198.51.100.2[500]:(nil):failed to get valid proposal.",
  "2026-11-22 06:14:14 vco-bp103da4211aff62a283 [PROTO_ERR]: ikev1.c:1011:isakmp_ph1begin_r(): failed to process packet.",
];

/** r2-pfs_mismatch_v1 as seen on tunnel tun-bp1dualtunnel0001: phase 2 PFS group14 here, none on the peer. */
export const PFS_MISMATCH_TUNNEL_LOG: readonly string[] = [
  "2026-11-22 06:17:14 tun-bp1dualtunnel0001 [INFO]: main.c:306:main(): starting iked for racoon2 20100526a",
  "2026-11-22 06:17:14 tun-bp1dualtunnel0001 [INFO]: main.c:310:main(): OPENSSLDIR: \"/usr/lib/ssl\"",
  "2026-11-22 06:17:14 tun-bp1dualtunnel0001 [INFO]: main.c:321:main(): reading config /etc/racoon2/racoon2.conf",
  "2026-11-22 06:17:14 tun-bp1dualtunnel0001 [INFO]: isakmp.c:547:isakmp_open_address(): 198.51.100.1[4500] used for NAT-T",
  "2026-11-22 06:17:14 tun-bp1dualtunnel0001 [INFO]: main.c:437:main(): starting iked for racoon2 20100526a",
  "2026-11-22 06:17:15 tun-bp1dualtunnel0001 [INFO]: ikev1.c:992:isakmp_ph1begin_r(): respond new phase 1 negotiation: 198.51.100.1[500]<=>198.51.100.2[500]",
  "2026-11-22 06:17:15 tun-bp1dualtunnel0001 [INFO]: ikev1.c:997:isakmp_ph1begin_r(): begin Identity Protection mode.",
  "2026-11-22 06:17:15 tun-bp1dualtunnel0001 [INFO]: isakmp_ident.c:889:ident_r1recv(): Selected NAT-T version: RFC 3947",
  "2026-11-22 06:17:15 tun-bp1dualtunnel0001 [INFO]: isakmp_ident.c:1099:ident_r2recv(): NAT-D payload #0 verified",
  "2026-11-22 06:17:15 tun-bp1dualtunnel0001 [INFO]: isakmp_ident.c:1099:ident_r2recv(): NAT-D payload #1 doesn't match",
  "2026-11-22 06:17:15 tun-bp1dualtunnel0001 [INFO]: isakmp_ident.c:1122:ident_r2recv(): NAT detected: PEER",
  "2026-11-22 06:17:15 tun-bp1dualtunnel0001 [INFO]: isakmp_ident.c:1662:ident_ir2mx(): Adding remote and local NAT-D payloads.",
  "2026-11-22 06:17:15 tun-bp1dualtunnel0001 [PROTO_WARN]: isakmp_inf.c:1208:isakmp_check_notify(): ignore INITIAL-CONTACT notification, because it is only accepted after phase1.",
  "2026-11-22 06:17:15 tun-bp1dualtunnel0001 [INFO]: ikev1.c:1924:log_ph1established(): ISAKMP-SA established 198.51.100.1[4500]-198.51.100.2[4500] spi:98789fd9423aa0be:fbd6e668eaf40d1c",
  "2026-11-22 06:17:15 tun-bp1dualtunnel0001 [INFO]: ikev1.c:1193:isakmp_ph2begin_r(): respond new phase 2 negotiation: 198.51.100.1[4500]<=>198.51.100.2[4500]",
  "2026-11-22 06:17:15 tun-bp1dualtunnel0001 [PROTO_ERR]: proposal.c:246:cmpsaprop_alloc(): pfs group mismatched: my:14 peer:0",
  "2026-11-22 06:17:15 tun-bp1dualtunnel0001 [PROTO_ERR]: ipsec_doi.c:1078:get_ph2approvalx(): not matched",
  "2026-11-22 06:17:15 tun-bp1dualtunnel0001 [PROTO_ERR]: ipsec_doi.c:1045:get_ph2approval(): no suitable policy found.",
  "2026-11-22 06:17:15 tun-bp1dualtunnel0001 [INTERNAL_ERR]: ikev1.c:1207:isakmp_ph2begin_r(): failed to pre-process packet.",
];

/** r2-baseline_v1 as seen on tunnel tun-bp1dualtunnel0002: both phases established. */
export const HEALTHY_TUNNEL_LOG: readonly string[] = [
  "2026-11-22 06:10:09 tun-bp1dualtunnel0002 [INFO]: main.c:306:main(): starting iked for racoon2 20100526a",
  "2026-11-22 06:10:09 tun-bp1dualtunnel0002 [INFO]: main.c:310:main(): OPENSSLDIR: \"/usr/lib/ssl\"",
  "2026-11-22 06:10:09 tun-bp1dualtunnel0002 [INFO]: main.c:321:main(): reading config /etc/racoon2/racoon2.conf",
  "2026-11-22 06:10:09 tun-bp1dualtunnel0002 [INFO]: isakmp.c:547:isakmp_open_address(): 198.51.100.1[4500] used for NAT-T",
  "2026-11-22 06:10:09 tun-bp1dualtunnel0002 [INFO]: main.c:437:main(): starting iked for racoon2 20100526a",
  "2026-11-22 06:10:09 tun-bp1dualtunnel0002 [INFO]: ikev1.c:895:isakmp_ph1begin_i(): initiate new phase 1 negotiation: 198.51.100.1[500]<=>198.51.100.2[500]",
  "2026-11-22 06:10:09 tun-bp1dualtunnel0002 [INFO]: ikev1.c:900:isakmp_ph1begin_i(): begin Identity Protection mode.",
  "2026-11-22 06:10:09 tun-bp1dualtunnel0002 [INFO]: ikev1.c:1463:ikev1_post_acquire(): IPsec-SA request for 198.51.100.2 queued since no phase1 found",
  "2026-11-22 06:10:09 tun-bp1dualtunnel0002 [INFO]: isakmp_ident.c:256:ident_i2recv(): Selected NAT-T version: RFC 3947",
  "2026-11-22 06:10:09 tun-bp1dualtunnel0002 [INFO]: isakmp_ident.c:1662:ident_ir2mx(): Adding remote and local NAT-D payloads.",
  "2026-11-22 06:10:09 tun-bp1dualtunnel0002 [INFO]: isakmp_ident.c:445:ident_i3recv(): NAT-D payload #0 verified",
  "2026-11-22 06:10:09 tun-bp1dualtunnel0002 [INFO]: isakmp_ident.c:445:ident_i3recv(): NAT-D payload #1 doesn't match",
  "2026-11-22 06:10:09 tun-bp1dualtunnel0002 [INFO]: isakmp_ident.c:468:ident_i3recv(): NAT detected: PEER",
  "2026-11-22 06:10:09 tun-bp1dualtunnel0002 [INFO]: ikev1_natt.c:385:natt_keepalive_add(): KA list add: 198.51.100.1[4500]->198.51.100.2[4500]",
  "2026-11-22 06:10:09 tun-bp1dualtunnel0002 [INFO]: ikev1.c:1924:log_ph1established(): ISAKMP-SA established 198.51.100.1[4500]-198.51.100.2[4500] spi:dc75b7b3ca0dbf05:f976e5e98bcfa8bb",
  "2026-11-22 06:10:10 tun-bp1dualtunnel0002 [INFO]: ikev1.c:1108:isakmp_ph2begin_i(): initiate new phase 2 negotiation: 198.51.100.1[4500]<=>198.51.100.2[4500]",
  "2026-11-22 06:10:10 tun-bp1dualtunnel0002 [INFO]: ipsec_doi.c:2928:ipsecdoi_setph2proposal(): NAT detected -> UDP encapsulation (ENC_MODE 1->3).",
  "2026-11-22 06:10:10 tun-bp1dualtunnel0002 [PROTO_WARN]: ipsec_doi.c:1000:cmp_aproppair_i(): attribute has been modified.",
  "2026-11-22 06:10:10 tun-bp1dualtunnel0002 [INFO]: proposal.c:400:cmpsaprop_alloc(): Adjusting my encmode UDP-Tunnel->Tunnel",
  "2026-11-22 06:10:10 tun-bp1dualtunnel0002 [INFO]: proposal.c:410:cmpsaprop_alloc(): Adjusting peer's encmode UDP-Tunnel(3)->Tunnel(1)",
  "2026-11-22 06:10:10 tun-bp1dualtunnel0002 [INFO]: pfkey.c:1117:ikev1_update_response(): IPsec-SA established: ESP/Tunnel 198.51.100.2[4500]->198.51.100.1[4500] spi=65536(0x10000)",
];
