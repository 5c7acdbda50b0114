# flowtrace kernel truth: ss -tanoi at end of capture
# ns ft-cli 10.77.0.1 fd77::1
State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
# ns ft-srv 10.77.0.2 fd77::2
State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process       
LISTEN 0      16         10.77.0.2:5000      0.0.0.0:*    
	 bbr cwnd:10
ESTAB  0      0          10.77.0.2:5000    10.77.0.1:40001
	 ts sack bbr wscale:10,10 rto:204 rtt:0.026/0.012 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:11 bytes_sent:100 bytes_acked:100 bytes_received:100 segs_out:2 segs_in:4 data_segs_out:1 data_segs_in:1 bbr:(bw:579199440bps,mrtt:0.02,pacing_gain:2.88672,cwnd_gain:2.88672) send 4900923077bps lastsnd:3504 lastrcv:3504 lastack:3504 pacing_rate 12261240272bps delivery_rate 579200000bps delivered:2 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.02 snd_wnd:64512
