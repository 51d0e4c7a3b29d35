export const errors = {
  VALIDATION: 'Dữ liệu nhập chưa hợp lệ: {{fields}} Chưa có gì được lưu.',
  VALIDATION_generic: 'Dữ liệu gửi lên không hợp lệ. Chưa có gì được lưu.',
  NOT_FOUND: 'Không tìm thấy bản ghi (có thể đã bị xóa ở nơi khác).',
  CONFLICT:
    'Bản ghi vừa được thay đổi ở nơi khác. Hãy tải lại để xem bản mới nhất rồi sửa lại; thay đổi của bạn chưa được lưu.',
  UNKNOWN_CALL: 'Yêu cầu không được hỗ trợ: {{name}}.',
  INTERNAL:
    'Đã xảy ra lỗi không mong muốn. Dữ liệu chưa bị thay đổi. Hãy thử lại; nếu lỗi lặp lại, hãy báo cho người hỗ trợ kỹ thuật.',
  UNAUTHORIZED: 'Phiên làm việc không hợp lệ. Hãy mở lại ứng dụng bằng địa chỉ in ra khi khởi động.',
  TRANSPORT: 'Không kết nối được với phần xử lý dữ liệu của ứng dụng.',
  DB_NEWER:
    'Tệp dữ liệu {{file}} được tạo bởi phiên bản mới hơn của ứng dụng (phiên bản dữ liệu {{found}}, ứng dụng này hỗ trợ đến {{supported}}). Hãy cài phiên bản mới nhất; tệp dữ liệu chưa bị thay đổi.',
  DB_CORRUPT:
    'Tệp dữ liệu {{file}} bị hỏng hoặc không phải tệp dữ liệu của ứng dụng. Tệp chưa bị thay đổi; hãy khôi phục từ bản sao lưu.',
  DB_DAMAGED:
    'Tệp dữ liệu {{file}} bị hỏng, nên ứng dụng không ghi thêm gì vào tệp: thay đổi vừa rồi chưa được lưu và tệp không bị thay đổi. Bạn vẫn xem được dữ liệu. Hãy khôi phục tệp từ bản sao lưu gần nhất; nếu chưa có bản sao lưu, đừng xóa tệp và hãy nhờ người hỗ trợ kỹ thuật.',
  DB_DAMAGED_read:
    'Không đọc được phần dữ liệu này vì tệp dữ liệu {{file}} bị hỏng. Hãy khôi phục tệp từ bản sao lưu gần nhất; nếu chưa có bản sao lưu, đừng xóa tệp và hãy nhờ người hỗ trợ kỹ thuật.',
  DB_DAMAGED_runtime:
    'Tệp dữ liệu {{file}} bị hỏng: ứng dụng vừa phát hiện lỗi trong tệp khi đọc. Thao tác vừa rồi không thực hiện được và không có gì được ghi vào tệp. Từ bây giờ ứng dụng chỉ cho xem dữ liệu, không cho sửa. Hãy khôi phục tệp từ bản sao lưu gần nhất; nếu chưa có bản sao lưu, đừng xóa tệp và hãy nhờ người hỗ trợ kỹ thuật.',
  DB_EMPTY:
    'Tệp dữ liệu {{file}} trống (0 byte), có thể do một lần sao chép bị gián đoạn. Ứng dụng không thay đổi gì. Hãy khôi phục tệp từ bản sao lưu, hoặc xóa (hay đổi tên) tệp trống này nếu muốn bắt đầu với dữ liệu mới.',
  DB_IS_FOLDER:
    'Đường dẫn {{file}} là một thư mục chứ không phải tệp dữ liệu. Ứng dụng không thay đổi gì. Hãy đổi tên hoặc chuyển thư mục đó đi (nếu trong đó có tệp dữ liệu, hãy đặt tệp vào đúng vị trí này) rồi mở lại ứng dụng.',
  DATA_DIR_NOT_FOLDER:
    'Đường dẫn {{dir}} được dùng làm thư mục dữ liệu nhưng lại là một tệp. Ứng dụng không thay đổi gì. Hãy chọn thư mục khác bằng --data-dir, hoặc đổi tên tệp đó rồi mở lại ứng dụng.',
  DATA_IN_USE_browser:
    'Thư mục dữ liệu {{dir}} đang được một phiên khác của ứng dụng dùng ở chế độ trình duyệt (tiến trình {{pid}} trên máy {{host}}, từ {{since}}). Hãy dùng phiên đó, hoặc dừng nó (nhấn Ctrl+C trong cửa sổ dòng lệnh của nó) rồi mở lại. Nếu chắc chắn không còn phiên nào đang chạy, hãy xóa tệp {{lockFile}} rồi mở lại.',
  DATA_IN_USE_electron:
    'Thư mục dữ liệu {{dir}} đang được mở trong một cửa sổ khác của ứng dụng (tiến trình {{pid}} trên máy {{host}}, từ {{since}}). Hãy dùng cửa sổ đó, hoặc đóng nó rồi mở lại. Nếu chắc chắn không còn cửa sổ nào đang mở, hãy xóa tệp {{lockFile}} rồi mở lại.',
  DATA_IN_USE_other:
    'Thư mục dữ liệu {{dir}} đang được một chương trình khác dùng (tiến trình {{pid}} trên máy {{host}}, từ {{since}}). Hãy đóng chương trình đó rồi mở lại. Nếu chắc chắn không còn chương trình nào đang chạy, hãy xóa tệp {{lockFile}} rồi mở lại.',
  DATA_IN_USE_unknown:
    'Thư mục dữ liệu {{dir}} đang được một phiên khác của ứng dụng dùng (không đọc được tệp khóa {{lockFile}}). Hãy đóng các cửa sổ khác của ứng dụng rồi mở lại. Nếu chắc chắn không còn phiên nào đang chạy, hãy xóa tệp {{lockFile}} rồi mở lại.',
  DB_LOCKED: 'Tệp dữ liệu {{file}} đang được một cửa sổ khác của ứng dụng sử dụng.',
  DISK_FULL: 'Ổ đĩa đã đầy. Chưa có gì được lưu; hãy giải phóng dung lượng rồi thử lại.',
  DISK_FULL_open:
    'Không mở được tệp dữ liệu {{file}}: ổ đĩa chứa thư mục dữ liệu đã đầy (ứng dụng cần thêm một ít chỗ trống để mở tệp). Dữ liệu không bị thay đổi. Hãy giải phóng dung lượng trên ổ đĩa đó rồi mở lại ứng dụng.',
  DISK_IO_write:
    'Ổ đĩa báo lỗi khi ghi tệp dữ liệu {{file}} (mã lỗi {{detail}}): ổ đĩa có thể đã đầy, bị hỏng hoặc bị ngắt kết nối. Thay đổi vừa rồi có thể chưa được lưu; hãy kiểm tra ổ đĩa, mở lại ứng dụng và xem lại dữ liệu trước khi nhập tiếp.',
  DISK_IO_read:
    'Ổ đĩa báo lỗi khi đọc tệp dữ liệu {{file}} (mã lỗi {{detail}}). Hãy kiểm tra ổ đĩa rồi thử lại; nếu lỗi lặp lại, hãy khôi phục tệp từ bản sao lưu.',
  DISK_IO_other: 'Ổ đĩa báo lỗi khi dùng tệp dữ liệu {{file}} (mã lỗi {{detail}}). Hãy kiểm tra ổ đĩa rồi thử lại.',
  DISK_IO_open:
    'Không mở được tệp dữ liệu {{file}}: ổ đĩa báo lỗi (mã lỗi {{detail}}). Dữ liệu không bị thay đổi. Hãy kiểm tra ổ đĩa (còn chỗ trống, còn kết nối) rồi mở lại ứng dụng.',
  READ_ONLY: 'Không ghi được vào thư mục dữ liệu {{dir}} (chỉ đọc hoặc không có quyền).',
  NOT_SET_UP: 'Hãy khai báo thông tin cơ quan trước khi dùng chức năng này.',
  PRINT_FAILED: 'Không in được ({{reason}}). Hãy kiểm tra máy in rồi thử lại, hoặc lưu PDF để in sau.',
  FILE_NOT_FOUND: 'Không tìm thấy tệp đã chọn (có thể USB đã được rút ra). Hãy chọn lại tệp.',
  FILE_TOO_LARGE: 'Tệp quá lớn ({{size}}); giới hạn là {{limit}}.',
  WRITE_FAILED_diskFull: 'Không ghi được tệp {{file}}: ổ đĩa đã đầy. Tệp cũ (nếu có) vẫn nguyên vẹn.',
  WRITE_FAILED_denied:
    'Không ghi được tệp {{file}}: không có quyền ghi vào thư mục này. Tệp cũ (nếu có) vẫn nguyên vẹn.',
  WRITE_FAILED_gone:
    'Không ghi được tệp {{file}}: ổ đĩa không còn truy cập được (USB bị rút?). Tệp cũ (nếu có) vẫn nguyên vẹn.',
  WRITE_FAILED_other: 'Không ghi được tệp {{file}} (lỗi {{detail}}). Tệp cũ (nếu có) vẫn nguyên vẹn.',
};
