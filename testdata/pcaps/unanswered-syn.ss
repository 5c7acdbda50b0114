# flowtrace kernel truth: ss -tanoi at end of capture
# ns ft-cli 10.77.0.1 fd77::1
State    Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess
SYN-SENT 0      1          10.77.0.1:40001    10.77.0.2:5000 timer:(on,564ms,3)
	 bbr rto:1000 mss:524 pmtu:1500 rcvmss:88 advmss:1460 cwnd:1 segs_out:4 bbr:(bw:0bps,mrtt:0) lastsnd:924404 lastrcv:924404 lastack:924404 app_limited unacked:1 retrans:1/3 lost:1 rcv_ssthresh:64240
# ns ft-srv 10.77.0.2 fd77::2
State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
LISTEN 0      16         10.77.0.2:5000      0.0.0.0:*   
	 bbr cwnd:10
