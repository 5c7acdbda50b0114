# flowtrace kernel truth: ss -tanoi at end of capture
# ns ft-cli 10.77.0.1 fd77::1
State     Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess                    
TIME-WAIT 0      0          10.77.0.1:36546    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36552    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36562    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36574    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36586    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36598    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36612    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36626    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36632    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36648    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36660    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36676    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36686    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36688    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36692    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36704    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36720    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36730    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36742    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36758    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36764    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36772    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36780    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36790    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36798    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36802    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36816    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36828    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36844    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36860    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36866    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36874    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36890    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36898    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36900    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36908    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36916    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36932    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36942    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36946    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36956    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36958    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36962    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36966    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36982    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:36984    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37000    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37006    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37008    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37018    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37032    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37044    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37056    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37058    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37072    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37078    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37092    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37104    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37112    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37114    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37116    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37122    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37138    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37152    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37164    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37166    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37178    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37190    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37204    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37206    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37208    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37212    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37228    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37244    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37254    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37266    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37268    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37282    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37296    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37308    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37318    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37320    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37328    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37332    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37336    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37344    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37350    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37354    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37356    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37362    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37376    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37378    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37390    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37406    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37408    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37410    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37418    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37426    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37436    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37446    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37450    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37460    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37462    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37464    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37468    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37480    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37486    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37502    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37508    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37516    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37524    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37534    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37550    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37562    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37564    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37578    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37588    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37594    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37604    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37610    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37614    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37622    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37626    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37630    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37638    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37654    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37660    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37666    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37676    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37678    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37690    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37704    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37708    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37718    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37722    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37726    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37742    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37746    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37754    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37766    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37778    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37780    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37794    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37800    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37806    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37820    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37832    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37840    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37850    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37860    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37862    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37878    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37882    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37896    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37912    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37914    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37916    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37922    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37928    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37942    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37952    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37962    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37972    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37980    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37986    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:37998    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38004    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38020    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38022    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38034    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38040    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38044    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38054    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38058    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38072    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38082    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38088    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38104    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38120    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38128    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38134    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38150    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38164    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38168    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38174    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38176    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38186    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38196    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38212    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38228    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38240    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38250    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38266    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38270    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38280    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38292    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38294    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38310    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38314    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38320    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38330    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38346    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38362    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38368    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38384    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38398    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38406    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38416    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38420    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38434    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38442    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38452    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38464    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38480    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38490    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38494    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38500    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38514    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38526    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38542    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38556    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38564    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38572    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38580    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38596    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38604    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38616    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38624    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38626    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38632    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38648    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38652    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38668    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38676    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38686    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38696    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38702    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38708    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38710    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38722    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38734    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38748    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38750    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38766    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38778    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38792    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38794    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38806    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38820    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38828    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38836    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38852    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38858    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38866    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38872    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38880    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38892    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38908    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38912    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38924    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38926    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38934    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38942    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38944    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38952    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38966    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38980    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:38986    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39002    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39010    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39024    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39028    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39044    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39056    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39072    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39086    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39092    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39108    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39124    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39138    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39144    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39152    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39156    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39170    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39172    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39180    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39190    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39194    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39204    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39210    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39220    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39230    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39236    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39248    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39262    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39276    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39288    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39300    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39304    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39308    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39314    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39318    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39322    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39330    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39334    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39336    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39342    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39350    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39360    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39374    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39384    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39386    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39390    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39394    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39410    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39424    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39428    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39430    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39442    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39444    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39452    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39464    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39468    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39472    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39484    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39496    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39498    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39502    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39512    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39524    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39540    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39550    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39556    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39558    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39566    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39574    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39578    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39582    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39594    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39606    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39620    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39636    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39650    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39666    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39668    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39682    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39686    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39702    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39704    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39718    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39732    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39738    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39752    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39756    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39768    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39772    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39786    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39788    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39804    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39816    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39826    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39830    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39834    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39840    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39842    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39848    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39858    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39870    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39886    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39888    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39904    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39916    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39928    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39932    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39936    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39944    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39948    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39950    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39964    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39968    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39976    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39982    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:39994    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40000    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40010    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40022    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40038    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40054    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40058    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40062    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40078    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40086    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40092    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40104    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40112    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40118    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40120    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40126    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40134    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40140    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40152    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40168    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40172    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40180    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40190    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40206    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40210    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40224    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40238    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40246    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40248    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40260    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40276    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40282    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40288    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40298    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40300    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40302    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40306    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40318    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40328    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40332    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40346    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40350    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40352    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40368    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40370    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40384    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40388    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40396    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40408    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40420    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40434    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40446    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40462    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40476    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40490    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40500    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40502    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40504    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40510    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40516    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40520    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40528    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40536    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40546    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40548    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40554    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40564    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40568    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40584    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40586    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40600    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40604    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40610    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40614    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40620    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40632    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40646    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40648    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40656    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40666    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40678    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40694    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40698    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40706    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40714    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40720    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40736    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40746    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40758    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40760    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40772    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40780    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40794    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40808    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40820    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40828    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40838    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40854    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40856    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40866    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40868    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40882    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40884    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40898    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40908    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40916    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40932    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40946    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40950    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40952    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40964    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40976    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:40984    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41000    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41014    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41026    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41030    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41036    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41046    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41058    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41064    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41068    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41072    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41088    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41096    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41108    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41122    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41136    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41146    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41160    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41162    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41174    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41188    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41190    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41200    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41216    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41232    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41242    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41246    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41248    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41252    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41260    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41270    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41280    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41282    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41298    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41310    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41326    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41342    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41346    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41360    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41368    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41372    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41378    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41394    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41406    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41422    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41432    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41444    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41458    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41466    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41468    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41476    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41478    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41492    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41494    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41498    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41512    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41528    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41536    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41548    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41562    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41564    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41574    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41576    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41582    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41586    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41596    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41608    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41620    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41636    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41644    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41660    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41666    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41670    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41686    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41698    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41700    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41708    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41720    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41724    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41740    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41754    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41762    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41770    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41780    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41790    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41802    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41810    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41818    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41820    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41828    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41834    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41844    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41850    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41858    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41864    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41866    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41868    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41874    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41878    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41884    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41886    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41898    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41900    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41910    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41912    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41918    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41922    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41938    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41940    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41954    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41964    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41974    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41978    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41984    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:41986    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42000    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42008    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42024    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42034    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42038    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42044    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42060    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42064    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42074    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42088    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42104    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42110    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42126    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42132    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42148    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42162    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42178    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42182    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42196    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42198    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42206    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42212    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42226    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42238    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42244    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42254    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42260    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42264    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42278    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42290    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42298    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42308    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42324    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42338    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42340    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42348    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42360    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42370    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42380    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42384    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42394    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42400    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42402    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42414    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42424    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42440    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42444    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42452    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42458    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42462    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42476    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42492    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42494    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42496    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42502    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42512    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42518    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42526    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42540    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42542    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42550    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42554    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42560    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42566    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42570    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42584    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42594    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42608    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42612    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42620    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42622    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42630    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42634    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42648    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42664    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42672    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42682    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42684    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42696    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42710    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42716    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42732    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42738    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42746    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42760    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42776    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42782    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42788    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42804    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42816    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42820    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42834    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42848    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42850    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42862    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42868    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42874    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42886    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42900    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42912    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42922    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42932    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42938    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42954    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42964    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42980    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42988    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42992    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:42998    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43008    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43022    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43032    10.77.0.2:5000 timer:(timewait,56sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43046    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43060    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43070    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43078    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43086    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43096    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43108    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43116    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43120    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43124    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43140    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43146    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43154    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43170    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43184    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43196    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43210    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43212    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43222    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43228    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43240    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43254    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43266    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43278    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43284    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43300    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43304    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43308    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43316    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43324    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43330    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43334    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43338    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43346    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43350    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43366    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43374    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43376    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43386    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43390    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43404    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43418    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43430    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43444    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43446    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43460    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43464    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43474    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43486    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43492    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43496    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43508    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43524    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43526    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43538    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43554    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43566    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43582    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43584    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43598    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43608    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43622    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43630    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43644    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43646    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43648    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43652    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43664    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43666    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43680    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43696    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43708    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43716    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43720    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43736    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43738    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43754    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43766    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43768    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43784    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43792    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43802    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43816    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43832    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43842    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43854    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43860    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43862    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43870    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43878    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43888    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43902    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43916    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43930    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43934    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43942    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43946    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43952    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43968    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43976    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43980    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:43988    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44004    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44018    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44034    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44048    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44064    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44074    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44076    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44092    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44100    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44104    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44108    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44124    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44140    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44142    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44148    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44162    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44174    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44178    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44194    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44206    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44216    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44224    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44238    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44246    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44252    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44264    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44276    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44282    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44298    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44302    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44316    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44332    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44346    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44354    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44362    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44374    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44384    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44388    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44398    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44404    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44420    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44430    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44446    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44448    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44456    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44466    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44480    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44496    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44512    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44518    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44532    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44538    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44550    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44554    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44566    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44574    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44580    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44584    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44588    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44602    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44612    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44628    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44632    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44636    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44638    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44650    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44658    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44666    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44668    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44676    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44688    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44692    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44694    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44704    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44710    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44726    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44738    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44750    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44754    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44766    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44772    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44778    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44780    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44784    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44796    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44800    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44802    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44814    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44822    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44828    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44838    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44842    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44850    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44854    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44862    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44876    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44888    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44892    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44898    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44910    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44924    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44928    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44938    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44940    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44944    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44956    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44968    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44976    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44986    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:44992    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45000    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45012    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45024    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45040    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45056    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45072    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45080    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45084    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45094    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45102    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45110    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45114    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45122    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45130    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45136    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45152    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45154    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45166    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45170    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45182    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45192    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45204    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45206    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45220    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45236    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45240    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45246    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45254    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45256    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45260    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45272    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45282    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45290    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45292    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45294    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45310    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45326    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45340    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45352    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45354    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45356    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45362    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45376    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45384    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45390    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45392    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45402    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45406    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45418    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45424    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45440    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45444    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45454    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45460    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45476    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45492    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45500    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45504    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45510    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45520    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45532    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45546    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45558    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45562    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45564    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45580    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45592    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45600    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45614    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45620    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45628    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45644    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45656    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45658    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45666    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45674    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45686    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45690    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45700    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45704    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45710    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45726    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45728    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45736    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45752    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45764    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45778    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45788    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45802    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45818    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45834    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45842    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45848    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45852    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45864    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45878    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45888    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45892    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45900    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45904    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45906    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45920    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45928    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45940    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45942    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45948    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45962    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45966    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45968    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45972    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45976    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:45990    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46006    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46016    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46018    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46020    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46024    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46026    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46032    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46036    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46040    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46056    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46064    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46074    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46078    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46086    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46094    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46096    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46098    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46100    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46104    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46106    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46114    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46120    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46134    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46138    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46148    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46158    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46160    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46168    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46174    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46190    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46198    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46200    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46210    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46214    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46220    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46222    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46228    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46232    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46236    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46244    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46254    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46266    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46278    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46280    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46290    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46298    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46308    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46314    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46328    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46334    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46348    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46350    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46356    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46366    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46370    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46380    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46390    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46396    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46412    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46418    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46420    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46436    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46440    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46442    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46448    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46450    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46452    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46468    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46482    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46492    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46506    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46508    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46518    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46534    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46540    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46552    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46566    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46580    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46590    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46606    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46610    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46618    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46634    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46638    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46640    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46648    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46650    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46666    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46680    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46688    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46698    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46702    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46704    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46710    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46724    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46730    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46732    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46736    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46738    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46740    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46752    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46766    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46768    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46784    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46798    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46812    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46822    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46836    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46848    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46850    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46856    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46864    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46868    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46884    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46894    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46896    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46906    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46918    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46920    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46928    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46942    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46948    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46954    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46966    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46982    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:46992    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47002    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47016    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47028    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47042    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47058    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47062    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47070    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47076    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47084    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47094    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47098    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47100    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47102    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47104    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47116    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47124    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47130    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47138    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47144    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47160    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47164    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47168    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47176    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47184    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47186    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47202    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47206    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47218    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47222    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47232    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47244    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47258    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47262    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47266    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47282    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47288    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47300    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47314    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47322    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47328    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47330    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47342    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47356    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47364    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47370    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47384    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47390    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47394    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47406    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47422    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47426    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47434    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47442    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47454    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47458    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47468    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47478    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47492    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47494    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47504    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47510    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47520    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47536    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47540    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47548    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47552    10.77.0.2:5000 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47568    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47572    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47584    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47592    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47598    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47608    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47618    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47624    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47632    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47644    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47656    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47662    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47670    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47680    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47684    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47696    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47712    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47720    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47728    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47744    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47752    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47766    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47776    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47778    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47786    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47802    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47808    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47810    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47824    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47840    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47842    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47848    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47860    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47876    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47890    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47900    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47908    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47922    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47928    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47932    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47934    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47950    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47964    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47974    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47984    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:47990    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48006    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48010    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48018    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48032    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48038    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48048    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48056    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48072    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48088    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48100    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48114    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48116    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48132    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48136    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48144    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48152    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48158    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48172    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48186    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48190    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48196    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48206    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48208    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48222    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48238    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48250    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48264    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48274    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48276    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48278    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48288    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48302    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48306    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48318    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48322    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48326    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48342    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48354    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48358    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48368    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48370    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48374    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48376    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48390    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48406    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48410    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48416    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48428    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48430    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48446    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48452    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48466    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48480    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48496    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48512    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48524    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48530    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48542    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48550    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48556    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48572    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48586    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48598    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48614    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48620    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48626    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48630    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48644    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48654    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48670    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48674    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48680    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48688    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48696    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48702    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48718    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48734    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48740    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48752    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48768    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48782    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48790    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48806    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48822    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48838    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48848    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48854    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48858    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48874    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48882    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48898    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48902    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48910    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48912    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48916    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48924    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48938    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48950    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48966    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48982    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:48988    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49004    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49012    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49028    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49042    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49046    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49052    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49066    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49072    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49080    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49096    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49106    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49110    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49120    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49130    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49136    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49140    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49144    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49152    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49156    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49168    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49172    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49180    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49184    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49188    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49190    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49200    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49214    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49220    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49232    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49244    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49254    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49264    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49280    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49282    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49294    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49306    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49320    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49332    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49342    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49358    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49366    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49378    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49384    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49398    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49404    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49406    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49416    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49422    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49434    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49444    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49450    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49458    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49472    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49476    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49482    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49486    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49496    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49510    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49526    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49528    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49540    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49542    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49546    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49554    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49556    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49570    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49582    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49592    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49598    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49612    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49614    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49622    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49630    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49632    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49648    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49654    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49670    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49682    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49696    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49702    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49708    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49710    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49716    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49728    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49744    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49748    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49764    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49780    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49784    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49788    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49790    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49796    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49800    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49808    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49818    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49824    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49840    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49852    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49868    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49874    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49888    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49898    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49904    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49910    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49922    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49938    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49952    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49968    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49976    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49986    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49992    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:49996    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50012    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50016    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50018    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50024    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50038    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50040    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50046    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50054    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50070    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50076    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50078    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50090    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50092    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50104    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50116    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50126    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50142    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50154    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50160    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50162    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50170    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50180    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50194    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50208    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50212    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50216    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50222    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50226    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50234    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50236    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50246    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50252    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50254    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50260    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50268    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50280    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50282    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50286    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50288    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50296    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50298    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50306    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50318    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50332    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50342    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50344    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50360    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50366    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50370    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50382    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50384    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50390    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50396    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50408    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50412    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50418    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50432    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50438    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50448    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50452    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50458    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50464    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50472    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50486    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50488    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50502    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50508    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50510    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50518    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50534    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50542    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50544    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50546    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50562    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50564    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50568    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50582    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50598    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50604    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50612    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50622    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50628    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50640    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50656    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50664    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50666    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50674    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50678    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50680    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50684    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50698    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50714    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50722    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50736    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50750    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50764    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50768    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50776    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50782    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50788    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50794    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50810    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50818    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50832    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50836    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50846    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50862    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50864    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50874    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50886    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50902    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50904    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50916    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50932    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50942    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50946    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50960    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50962    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50968    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50974    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50976    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50988    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:50998    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51010    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51012    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51014    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51026    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51028    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51030    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51038    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51048    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51062    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51064    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51078    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51086    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51102    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51108    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51124    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51128    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51144    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51150    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51156    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51168    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51172    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51180    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51188    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51202    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51214    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51228    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51244    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51260    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51272    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51288    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51298    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51314    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51320    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51334    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51342    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51358    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51372    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51374    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51380    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51390    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51400    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51412    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51428    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51444    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51458    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51466    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51478    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51488    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51504    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51516    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51526    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51530    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51542    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51554    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51558    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51560    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51576    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51582    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51590    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51600    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51612    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51626    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51628    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51644    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51648    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51664    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51680    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51690    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51702    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51716    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51720    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51724    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51740    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51746    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51750    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51764    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51766    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51770    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51778    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51794    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51810    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51812    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51814    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51818    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51832    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51836    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51844    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51858    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51872    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51880    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51882    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51894    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51896    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51908    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51910    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51916    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51928    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51934    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51948    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51958    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51966    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51974    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51984    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51986    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:51992    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52000    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52002    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52014    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52028    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52030    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52042    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52046    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52056    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52062    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52064    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52072    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52078    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52090    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52092    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52102    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52112    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52124    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52130    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52140    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52154    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52156    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52160    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52168    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52172    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52182    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52186    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52198    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52204    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52214    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52222    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52230    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52238    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52246    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52256    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52268    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52270    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52276    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52290    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52304    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52318    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52324    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52328    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52332    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52336    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52350    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52364    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52376    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52390    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52406    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52410    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52422    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52430    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52438    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52452    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52456    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52460    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52476    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52478    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52494    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52498    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52508    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52520    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52536    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52552    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52566    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52576    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52584    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52596    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52604    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52610    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52622    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52628    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52638    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52642    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52654    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52670    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52684    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52690    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52700    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52714    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52730    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52746    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52750    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52766    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52778    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52794    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52804    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52820    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52832    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52838    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52852    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52858    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52870    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52882    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52890    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52906    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52914    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52922    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52926    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52934    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52946    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52954    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52968    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52976    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52980    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52982    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52992    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:52994    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53004    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53012    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53016    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53018    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53030    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53046    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53062    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53074    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53080    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53084    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53092    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53102    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53116    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53120    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53124    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53136    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53150    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53158    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53170    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53178    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53180    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53182    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53184    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53188    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53200    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53202    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53212    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53228    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53238    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53240    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53250    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53258    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53260    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53274    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53290    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53304    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53314    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53330    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53336    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53338    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53344    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53356    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53368    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53384    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53390    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53398    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53408    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53422    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53432    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53438    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53446    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53450    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53456    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53464    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53468    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53478    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53482    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53488    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53494    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53504    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53514    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53518    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53526    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53528    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53540    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53554    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53568    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53582    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53594    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53600    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53604    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53608    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53620    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53630    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53638    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53654    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53670    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53676    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53686    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53694    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53700    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53716    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53730    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53740    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53742    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53756    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53766    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53772    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53786    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53802    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53812    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53814    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53820    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53832    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53848    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53858    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53874    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53890    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53904    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53908    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53910    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53912    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53922    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53936    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53944    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53958    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53972    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53980    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53990    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:53998    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54010    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54014    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54026    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54030    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54046    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54060    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54062    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54070    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54080    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54088    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54104    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54120    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54126    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54136    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54140    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54148    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54162    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54166    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54178    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54190    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54202    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54216    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54228    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54234    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54248    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54254    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54258    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54266    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54272    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54284    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54292    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54308    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54316    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54324    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54328    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54334    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54346    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54350    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54360    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54364    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54372    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54380    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54394    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54410    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54418    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54428    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54430    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54446    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54454    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54468    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54476    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54490    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54502    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54514    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54528    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54534    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54544    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:54558    10.77.0.2:5000 timer:(timewait,59sec,0)
	
# ns ft-srv 10.77.0.2 fd77::2
State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
LISTEN 0      4096       10.77.0.2:5000      0.0.0.0:*   
	 bbr cwnd:10
