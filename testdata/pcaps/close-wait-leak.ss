# flowtrace kernel truth: ss -tanoi at end of capture
# ns ft-cli 10.77.0.1 fd77::1
State      Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess                    
FIN-WAIT-2 0      0          10.77.0.1:47680    10.77.0.2:7003 timer:(timewait,46sec,0)
	
FIN-WAIT-2 0      0          10.77.0.1:47686    10.77.0.2:7003 timer:(timewait,46sec,0)
	
FIN-WAIT-2 0      0          10.77.0.1:47696    10.77.0.2:7003 timer:(timewait,47sec,0)
	
FIN-WAIT-2 0      0          10.77.0.1:47702    10.77.0.2:7003 timer:(timewait,47sec,0)
	
FIN-WAIT-2 0      0          10.77.0.1:47710    10.77.0.2:7003 timer:(timewait,47sec,0)
	
FIN-WAIT-2 0      0          10.77.0.1:47718    10.77.0.2:7003 timer:(timewait,47sec,0)
	
FIN-WAIT-2 0      0          10.77.0.1:47722    10.77.0.2:7003 timer:(timewait,47sec,0)
	
FIN-WAIT-2 0      0          10.77.0.1:47738    10.77.0.2:7003 timer:(timewait,47sec,0)
	
FIN-WAIT-2 0      0          10.77.0.1:47752    10.77.0.2:7003 timer:(timewait,47sec,0)
	
FIN-WAIT-2 0      0          10.77.0.1:47760    10.77.0.2:7003 timer:(timewait,48sec,0)
	
FIN-WAIT-2 0      0          10.77.0.1:47774    10.77.0.2:7003 timer:(timewait,48sec,0)
	
FIN-WAIT-2 0      0          10.77.0.1:47786    10.77.0.2:7003 timer:(timewait,48sec,0)
	
FIN-WAIT-2 0      0          10.77.0.1:47796    10.77.0.2:7003 timer:(timewait,48sec,0)
	
FIN-WAIT-2 0      0          10.77.0.1:47808    10.77.0.2:7003 timer:(timewait,48sec,0)
	
FIN-WAIT-2 0      0          10.77.0.1:47816    10.77.0.2:7003 timer:(timewait,48sec,0)
	
FIN-WAIT-2 0      0          10.77.0.1:47822    10.77.0.2:7003 timer:(timewait,49sec,0)
	
FIN-WAIT-2 0      0          10.77.0.1:47832    10.77.0.2:7003 timer:(timewait,49sec,0)
	
FIN-WAIT-2 0      0          10.77.0.1:47846    10.77.0.2:7003 timer:(timewait,49sec,0)
	
FIN-WAIT-2 0      0          10.77.0.1:47860    10.77.0.2:7003 timer:(timewait,49sec,0)
	
FIN-WAIT-2 0      0          10.77.0.1:47874    10.77.0.2:7003 timer:(timewait,49sec,0)
	
# ns ft-srv 10.77.0.2 fd77::2
State      Recv-Q Send-Q Local Address:Port Peer Address:Port Process                                                                                                                                                                                                                                                                                                                                          
LISTEN     20     64         10.77.0.2:7003      0.0.0.0:*    
	 bbr cwnd:10 unacked:20                                                                                                                                                                                                                                                                                                                        
CLOSE-WAIT 101    0          10.77.0.2:7003    10.77.0.1:47686
	 ts sack bbr wscale:10,10 rto:204 rtt:0.039/0.019 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_received:101 segs_out:2 segs_in:4 data_segs_in:1 send 2970256410bps lastsnd:13216 lastrcv:13216 lastack:13168 pacing_rate 8488551416bps delivered:1 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.039 snd_wnd:64512 
CLOSE-WAIT 101    0          10.77.0.2:7003    10.77.0.1:47702
	 ts sack bbr wscale:10,10 rto:204 rtt:0.041/0.02 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_received:101 segs_out:2 segs_in:4 data_segs_in:1 send 2825365854bps lastsnd:12912 lastrcv:12912 lastack:12860 pacing_rate 8074474432bps delivered:1 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.041 snd_wnd:64512  
CLOSE-WAIT 101    0          10.77.0.2:7003    10.77.0.1:47808
	 ts sack bbr wscale:10,10 rto:204 rtt:0.038/0.019 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_received:101 segs_out:2 segs_in:4 data_segs_in:1 send 3048421053bps lastsnd:11404 lastrcv:11404 lastack:11352 pacing_rate 8711933200bps delivered:1 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.038 snd_wnd:64512 
CLOSE-WAIT 101    0          10.77.0.2:7003    10.77.0.1:47822
	 ts sack bbr wscale:10,10 rto:204 rtt:0.056/0.028 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_received:101 segs_out:2 segs_in:4 data_segs_in:1 send 2068571429bps lastsnd:11100 lastrcv:11100 lastack:11052 pacing_rate 5911669240bps delivered:1 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.056 snd_wnd:64512 
CLOSE-WAIT 101    0          10.77.0.2:7003    10.77.0.1:47832
	 ts sack bbr wscale:10,10 rto:204 rtt:0.041/0.02 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_received:101 segs_out:2 segs_in:4 data_segs_in:1 send 2825365854bps lastsnd:10952 lastrcv:10952 lastack:10900 pacing_rate 8074474432bps delivered:1 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.041 snd_wnd:64512  
CLOSE-WAIT 101    0          10.77.0.2:7003    10.77.0.1:47846
	 ts sack bbr wscale:10,10 rto:204 rtt:0.044/0.022 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_received:101 segs_out:2 segs_in:4 data_segs_in:1 send 2632727273bps lastsnd:10800 lastrcv:10800 lastack:10748 pacing_rate 7523942488bps delivered:1 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.044 snd_wnd:64512 
CLOSE-WAIT 101    0          10.77.0.2:7003    10.77.0.1:47760
	 ts sack bbr wscale:10,10 rto:204 rtt:0.03/0.015 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_received:101 segs_out:2 segs_in:4 data_segs_in:1 send 3861333333bps lastsnd:12008 lastrcv:12008 lastack:11956 pacing_rate 11035116840bps delivered:1 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.03 snd_wnd:64512  
CLOSE-WAIT 101    0          10.77.0.2:7003    10.77.0.1:47796
	 ts sack bbr wscale:10,10 rto:204 rtt:0.05/0.025 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_received:101 segs_out:2 segs_in:4 data_segs_in:1 send 2316800000bps lastsnd:11556 lastrcv:11556 lastack:11504 pacing_rate 6621070104bps delivered:1 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.05 snd_wnd:64512   
CLOSE-WAIT 101    0          10.77.0.2:7003    10.77.0.1:47680
	 ts sack bbr wscale:10,10 rto:204 rtt:0.036/0.018 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_received:101 segs_out:2 segs_in:4 data_segs_in:1 send 3217777778bps lastsnd:13372 lastrcv:13372 lastack:13324 pacing_rate 9195929712bps delivered:1 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.036 snd_wnd:64512 
CLOSE-WAIT 101    0          10.77.0.2:7003    10.77.0.1:47860
	 ts sack bbr wscale:10,10 rto:204 rtt:0.032/0.016 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_received:101 segs_out:2 segs_in:4 data_segs_in:1 send 3620000000bps lastsnd:10648 lastrcv:10648 lastack:10600 pacing_rate 10345422656bps delivered:1 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.032 snd_wnd:64512
CLOSE-WAIT 101    0          10.77.0.2:7003    10.77.0.1:47752
	 ts sack bbr wscale:10,10 rto:204 rtt:0.031/0.015 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_received:101 segs_out:2 segs_in:4 data_segs_in:1 send 3736774194bps lastsnd:12160 lastrcv:12160 lastack:12108 pacing_rate 10679145648bps delivered:1 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.031 snd_wnd:64512
CLOSE-WAIT 101    0          10.77.0.2:7003    10.77.0.1:47786
	 ts sack bbr wscale:10,10 rto:204 rtt:0.031/0.015 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_received:101 segs_out:2 segs_in:4 data_segs_in:1 send 3736774194bps lastsnd:11704 lastrcv:11704 lastack:11656 pacing_rate 10679145648bps delivered:1 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.031 snd_wnd:64512
CLOSE-WAIT 101    0          10.77.0.2:7003    10.77.0.1:47718
	 ts sack bbr wscale:10,10 rto:204 rtt:0.049/0.024 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_received:101 segs_out:2 segs_in:4 data_segs_in:1 send 2364081633bps lastsnd:12612 lastrcv:12612 lastack:12564 pacing_rate 6756193136bps delivered:1 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.049 snd_wnd:64512 
CLOSE-WAIT 101    0          10.77.0.2:7003    10.77.0.1:47710
	 ts sack bbr wscale:10,10 rto:204 rtt:0.04/0.02 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_received:101 segs_out:2 segs_in:4 data_segs_in:1 send 2896000000bps lastsnd:12764 lastrcv:12764 lastack:12712 pacing_rate 8276338120bps delivered:1 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.04 snd_wnd:64512    
CLOSE-WAIT 101    0          10.77.0.2:7003    10.77.0.1:47774
	 ts sack bbr wscale:10,10 rto:204 rtt:0.031/0.015 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_received:101 segs_out:2 segs_in:4 data_segs_in:1 send 3736774194bps lastsnd:11856 lastrcv:11856 lastack:11808 pacing_rate 10679145648bps delivered:1 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.031 snd_wnd:64512
CLOSE-WAIT 101    0          10.77.0.2:7003    10.77.0.1:47874
	 ts sack bbr wscale:10,10 rto:204 rtt:0.028/0.014 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_received:101 segs_out:2 segs_in:4 data_segs_in:1 send 4137142857bps lastsnd:10496 lastrcv:10496 lastack:10448 pacing_rate 11823338480bps delivered:1 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.028 snd_wnd:64512
CLOSE-WAIT 101    0          10.77.0.2:7003    10.77.0.1:47738
	 ts sack bbr wscale:10,10 rto:204 rtt:0.048/0.024 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_received:101 segs_out:2 segs_in:4 data_segs_in:1 send 2413333333bps lastsnd:12312 lastrcv:12312 lastack:12260 pacing_rate 6896947776bps delivered:1 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.048 snd_wnd:64512 
CLOSE-WAIT 101    0          10.77.0.2:7003    10.77.0.1:47722
	 ts sack bbr wscale:10,10 rto:204 rtt:0.038/0.019 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_received:101 segs_out:2 segs_in:4 data_segs_in:1 send 3048421053bps lastsnd:12460 lastrcv:12460 lastack:12412 pacing_rate 8711933200bps delivered:1 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.038 snd_wnd:64512 
CLOSE-WAIT 101    0          10.77.0.2:7003    10.77.0.1:47816
	 ts sack bbr wscale:10,10 rto:204 rtt:0.077/0.038 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_received:101 segs_out:2 segs_in:4 data_segs_in:1 send 1504415584bps lastsnd:11252 lastrcv:11252 lastack:11204 pacing_rate 4299395992bps delivered:1 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.077 snd_wnd:64512 
CLOSE-WAIT 101    0          10.77.0.2:7003    10.77.0.1:47696
	 ts sack bbr wscale:10,10 rto:204 rtt:0.038/0.019 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_received:101 segs_out:2 segs_in:4 data_segs_in:1 send 3048421053bps lastsnd:13064 lastrcv:13064 lastack:13016 pacing_rate 8711933200bps delivered:1 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.038 snd_wnd:64512 
