# flowtrace kernel truth: ss -tanoi at end of capture
# ns ft-cli 10.77.0.1 fd77::1
State     Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess
TIME-WAIT 0      0          10.77.0.1:40001    10.77.0.2:5000 timer:(timewait,59sec,0)
	
# ns ft-srv 10.77.0.2 fd77::2
State    Recv-Q Send-Q Local Address:Port Peer Address:Port Process       
LISTEN   0      16         10.77.0.2:5000      0.0.0.0:*    
	 bbr cwnd:10
LAST-ACK 0      1          10.77.0.2:5000    10.77.0.1:40001 timer:(on,796ms,3)
	 ts sack bbr wscale:10,10 rto:1632 backoff:3 rtt:0.023/0.009 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:1 bytes_sent:100 bytes_acked:100 bytes_received:101 segs_out:8 segs_in:5 data_segs_out:1 data_segs_in:1 send 503652174bps lastsnd:3616 lastrcv:3616 lastack:3416 pacing_rate 13793895552bps delivery_rate 551619040bps delivered:2 app_limited busy:2512ms unacked:1 retrans:1/4 lost:1 rcv_space:14480 rcv_ssthresh:64088 minrtt:0.021 snd_wnd:64512
